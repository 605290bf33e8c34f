package org.peaktrade.engine.marketdata;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Symbol;

/**
 * The checks every bar source passes before anyone trades on its bars: per symbol, open times strictly increase
 * (duplicates and out-of-order bars are rejected) and gaps are reported. Malformed values (NaN, zero or negative
 * prices, high below low) cannot form a {@link Bar} at all; sources report those as {@link Reason#MALFORMED} via
 * {@link #rejectMalformed}. Keeps a count per rejection reason for metrics.
 */
public final class BarValidator {

  /** Why a bar was rejected. */
  public enum Reason {
    MALFORMED,
    DUPLICATE,
    OUT_OF_ORDER
  }

  /** The verdict on one bar: accepted (possibly after a gap), or rejected with a reason. */
  public record Verdict(boolean accepted, Reason reason, String detail, Instant gapFrom, Instant gapTo) {
    public boolean hasGap() {
      return gapFrom != null;
    }
  }

  private final Map<Symbol, Bar> last = new HashMap<>();
  private final EnumMap<Reason, Long> rejections = new EnumMap<>(Reason.class);
  private long gaps;

  public Verdict check(Bar bar) {
    Objects.requireNonNull(bar, "bar");
    Bar previous = last.get(bar.symbol());
    if (previous != null) {
      int order = bar.openTime().compareTo(previous.openTime());
      if (order == 0) {
        return reject(Reason.DUPLICATE, bar.symbol() + " bar at " + bar.openTime() + " was already accepted");
      }
      if (order < 0) {
        return reject(Reason.OUT_OF_ORDER, bar.symbol() + " bar at " + bar.openTime() + " is older than the last "
            + "accepted bar at " + previous.openTime());
      }
    }
    last.put(bar.symbol(), bar);
    if (previous != null && bar.openTime().isAfter(previous.closeTime())) {
      gaps++;
      return new Verdict(true, null, "gap of " + Duration.between(previous.closeTime(), bar.openTime()) + " before "
          + bar.openTime(), previous.closeTime(), bar.openTime());
    }
    return new Verdict(true, null, null, null, null);
  }

  /** Counts a row or message that could not become a bar (NaN, non-positive price, high below low...). */
  public Verdict rejectMalformed(String detail) {
    return reject(Reason.MALFORMED, detail);
  }

  private Verdict reject(Reason reason, String detail) {
    rejections.merge(reason, 1L, Long::sum);
    return new Verdict(false, reason, detail, null, null);
  }

  public long rejections(Reason reason) {
    return rejections.getOrDefault(reason, 0L);
  }

  public long gaps() {
    return gaps;
  }
}
