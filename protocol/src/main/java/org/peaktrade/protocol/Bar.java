package org.peaktrade.protocol;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A closed OHLCV candle. {@code openTime} is the start of the interval; the bar is only known once
 * {@link #closeTime()} has passed, which is when a strategy may first act on it.
 */
public record Bar(
    Symbol symbol, Instant openTime, Duration interval, Price open, Price high, Price low, Price close,
    Quantity volume) implements CborSerializable {

  public Bar {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(openTime, "open time");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(open, "open");
    Objects.requireNonNull(high, "high");
    Objects.requireNonNull(low, "low");
    Objects.requireNonNull(close, "close");
    Objects.requireNonNull(volume, "volume");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("bar interval must be positive: " + interval);
    }
    if (high.isBelow(low)) {
      throw new IllegalArgumentException("bar high " + high + " is below low " + low + " at " + openTime);
    }
    if (open.isAbove(high) || close.isAbove(high)) {
      throw new IllegalArgumentException("bar open/close above high " + high + " at " + openTime);
    }
    if (open.isBelow(low) || close.isBelow(low)) {
      throw new IllegalArgumentException("bar open/close below low " + low + " at " + openTime);
    }
  }

  public Instant closeTime() {
    return openTime.plus(interval);
  }
}
