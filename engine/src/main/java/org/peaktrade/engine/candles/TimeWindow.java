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

  /** The window from {@code time} to just after it. */
  public static TimeWindow at(Instant time) {
    return new TimeWindow(time, time.plusNanos(1));
  }

  /** The smallest window holding this one and {@code other}. */
  public TimeWindow union(TimeWindow other) {
    return new TimeWindow(fromInclusive.isBefore(other.fromInclusive) ? fromInclusive : other.fromInclusive,
        toExclusive.isAfter(other.toExclusive) ? toExclusive : other.toExclusive);
  }
}
