package org.peaktrade.engine.candles;

import java.time.Duration;
import java.util.Objects;
import org.peaktrade.engine.data.BarInterval;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Symbol;

/** One series of candles: a symbol at one interval. The candle store keeps each series once, ordered by open time. */
public record CandleSeries(Symbol symbol, Duration interval) {

  public CandleSeries {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("candle interval must be positive: " + interval);
    }
  }

  public static CandleSeries of(Bar bar) {
    return new CandleSeries(bar.symbol(), bar.interval());
  }

  /** {@code BTC/USD 1m}, as messages name it. */
  @Override
  public String toString() {
    return symbol + " " + BarInterval.format(interval);
  }
}
