package org.peaktrade.engine.candles;

import java.time.Instant;
import java.util.Objects;

/** Open times from {@code fromInclusive} up to, not including, {@code toExclusive}. */
public record TimeWindow(Instant fromInclusive, Instant toExclusive) {

  public TimeWindow {
    Objects.requireNonNull(fromInclusive, "from");
    Objects.requireNonNull(toExclusive, "to");
    if (toExclusive.isBefore(fromInclusive)) {
      throw new IllegalArgumentException("time window ends (" + toExclusive + ") before it starts (" + fromInclusive
          + ")");
    }
  }

  public boolean contains(Instant time) {
    return !time.isBefore(fromInclusive) && time.isBefore(toExclusive);
  }
}
