package org.peaktrade.engine.data;

import java.time.Instant;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;

/**
 * One parsed row before the bar interval is known. Consistency is checked here, per row, so that a bad row
 * can be reported with its line and skipped; the later {@link org.peaktrade.protocol.Bar} cannot fail.
 */
record Candle(long line, Instant openTime, Price open, Price high, Price low, Price close, Quantity volume) {

  static Candle checked(long line, Instant openTime, Price open, Price high, Price low, Price close,
      Quantity volume) {
    if (high.isBelow(low)) {
      throw new RowRejected("high " + high + " is below low " + low);
    }
    requireWithin("open", open, low, high);
    requireWithin("close", close, low, high);
    return new Candle(line, openTime, open, high, low, close, volume);
  }

  private static void requireWithin(String what, Price price, Price low, Price high) {
    if (price.isAbove(high)) {
      throw new RowRejected(what + " " + price + " is above high " + high);
    }
    if (price.isBelow(low)) {
      throw new RowRejected(what + " " + price + " is below low " + low);
    }
  }
}
