package org.peaktrade.actors.candles;

import java.math.BigDecimal;
import java.time.Instant;
import org.peaktrade.engine.candles.CandleSeries;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;

/**
 * A candle as both databases store it: open time in epoch milliseconds (the check refuses candles that do not open on
 * a whole millisecond), prices and volume as exact decimals.
 */
final class CandleRows {
  private CandleRows() {}

  static Bar bar(CandleSeries series, long openTimeMillis, BigDecimal open, BigDecimal high, BigDecimal low,
      BigDecimal close, BigDecimal volume) {
    return new Bar(series.symbol(), Instant.ofEpochMilli(openTimeMillis), series.interval(), new Price(open),
        new Price(high), new Price(low), new Price(close), new Quantity(volume));
  }

  /**
   * The first whole millisecond at or after {@code time}: a stored open time (whole milliseconds) is at or after
   * {@code time} exactly when it is at or after this, and before {@code time} exactly when it is before this.
   */
  static long ceilMillis(Instant time) {
    long millis = time.toEpochMilli();
    return time.getNano() % 1_000_000 == 0 ? millis : millis + 1;
  }
}
