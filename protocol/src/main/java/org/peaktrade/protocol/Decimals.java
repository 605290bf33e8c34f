package org.peaktrade.protocol;

import java.math.BigDecimal;

/** Parsing and canonical form of exact decimal numbers used by every value type. */
public final class Decimals {
  private Decimals() {}

  /**
   * Parses {@code text} as an exact decimal. NaN, infinities, blanks and anything that is not a plain
   * decimal number are rejected with a message naming {@code what} and the offending text.
   */
  public static BigDecimal parse(String text, String what) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(what + " is missing");
    }
    String trimmed = text.trim();
    try {
      return canonical(new BigDecimal(trimmed));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " is not a finite decimal number: '" + trimmed + "'");
    }
  }

  /** Converts a double that came from an approximate source (never used for money arithmetic). */
  public static BigDecimal fromDouble(double value, String what) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(what + " is not a finite number: " + value);
    }
    return canonical(new BigDecimal(Double.toString(value)));
  }

  /** Strips trailing zeros but never uses a negative scale, so equal numbers are equal records. */
  public static BigDecimal canonical(BigDecimal value) {
    if (value.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
