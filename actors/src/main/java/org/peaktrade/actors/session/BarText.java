package org.peaktrade.actors.session;

import java.time.Duration;
import java.time.Instant;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Symbol;

/**
 * A bar's prices and volume as comma-separated text, the decimals exactly as the bar holds them, and back: the part
 * the journal's runs of bars ({@link BarRuns}) and the snapshots' lines ({@link SnapshotLines}) share.
 */
final class BarText {
  /** The number of fields {@link #prices} writes. */
  static final int PRICE_FIELDS = 5;

  private BarText() {}

  /** {@code <open>,<high>,<low>,<close>,<volume>}. */
  static String prices(Bar bar) {
    return bar.open().value().toPlainString() + "," + bar.high().value().toPlainString() + ","
        + bar.low().value().toPlainString() + "," + bar.close().value().toPlainString() + ","
        + bar.volume().value().toPlainString();
  }

  /** The bar whose prices and volume are {@code fields[from]} to {@code fields[from + 4]}. */
  static Bar bar(Symbol symbol, Instant openTime, Duration interval, String[] fields, int from) {
    return new Bar(symbol, openTime, interval, Price.of(fields[from]), Price.of(fields[from + 1]),
        Price.of(fields[from + 2]), Price.of(fields[from + 3]), Quantity.of(fields[from + 4]));
  }

  /** The fields of {@code line}, which must be {@code count}; {@code what} names the line in the error. */
  static String[] fields(String line, int count, String what) {
    String[] fields = line.split(",", -1);
    if (fields.length != count) {
      throw new IllegalArgumentException(what + " needs " + count + " fields: '" + line + "'");
    }
    return fields;
  }
}
