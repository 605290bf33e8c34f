package org.peaktrade.engine.report;

import java.util.Locale;

/** Fast fixed-point text for doubles in large CSV files (String.format costs a microsecond per number). */
final class FixedPoint {
  private static final double LIMIT = 9.0e18;

  private FixedPoint() {}

  /** Appends {@code value} rounded half-up to 8 decimals, without exponent notation. */
  static StringBuilder append8(StringBuilder out, double value) {
    double scaled = Math.abs(value) * 1e8;
    if (!(scaled < LIMIT)) {
      return out.append(String.format(Locale.ROOT, "%.8f", value));
    }
    long units = Math.round(scaled);
    if (value < 0 && units != 0) {
      out.append('-');
    }
    out.append(units / 100_000_000L).append('.');
    String fraction = Long.toString(units % 100_000_000L);
    for (int i = fraction.length(); i < 8; i++) {
      out.append('0');
    }
    return out.append(fraction);
  }
}
