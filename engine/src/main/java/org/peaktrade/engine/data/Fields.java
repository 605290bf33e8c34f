package org.peaktrade.engine.data;

import java.math.BigDecimal;
import org.peaktrade.protocol.Decimals;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;

/** Exact decimal fields, parsed from their text (never through double) with messages naming the field. */
final class Fields {
  private Fields() {}

  static Price price(String text, String what) {
    return new Price(positive(text, what));
  }

  static BigDecimal positive(String text, String what) {
    BigDecimal value = decimal(text, what);
    if (value.signum() <= 0) {
      throw new RowRejected(what + " must be positive: '" + text.trim() + "'");
    }
    return value;
  }

  static Quantity nonNegative(String text, String what) {
    BigDecimal value = decimal(text, what);
    if (value.signum() < 0) {
      throw new RowRejected(what + " must not be negative: '" + text.trim() + "'");
    }
    return new Quantity(value);
  }

  private static BigDecimal decimal(String text, String what) {
    try {
      return Decimals.parse(text, what);
    } catch (IllegalArgumentException e) {
      throw new RowRejected(e.getMessage());
    }
  }
}
