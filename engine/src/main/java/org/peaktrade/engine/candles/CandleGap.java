package org.peaktrade.engine.candles;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Candles missing from a series: {@code missing} intervals opening from {@code from} (the close of the candle before
 * the gap) up to {@code to} (the open of the candle after it, which was stored).
 */
public record CandleGap(CandleSeries series, Instant from, Instant to, long missing) {

  public CandleGap {
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!to.isAfter(from) || missing < 1) {
      throw new IllegalArgumentException("a gap misses at least one candle: " + from + " to " + to + ", " + missing);
    }
  }

  /** The gap between a candle closing at {@code beforeClose} and the next one, opening later at {@code afterOpen}. */
  static CandleGap between(CandleSeries series, Instant beforeClose, Instant afterOpen) {
    Duration hole = Duration.between(beforeClose, afterOpen);
    return new CandleGap(series, beforeClose, afterOpen, hole.dividedBy(series.interval()));
  }
}
