package org.peaktrade.engine.data;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads the time formats that market data files use. ISO-8601 values without an offset are UTC, because
 * exchanges publish in UTC. Bare numbers are unix time; whether seconds or milliseconds is decided by
 * magnitude.
 */
final class Timestamps {
  /**
   * Numbers at or above this are milliseconds: as seconds it would be the year 5138, as milliseconds it is
   * 1973-03-03, so no plausible market data falls on the wrong side in either unit.
   */
  static final long MILLIS_THRESHOLD = 100_000_000_000L;

  private static final BigDecimal MILLIS_THRESHOLD_DECIMAL = BigDecimal.valueOf(MILLIS_THRESHOLD);

  private Timestamps() {}

  static Instant parse(String text, String what) {
    if (text.isEmpty()) {
      throw new RowRejected(what + " is missing");
    }
    try {
      return isUnsignedDecimal(text) ? unix(text) : iso(text);
    } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
      throw new RowRejected(what + " is not a recognised time: '" + text
          + "' (expected ISO-8601 such as 2022-01-01T00:00:00Z, or unix seconds or milliseconds)");
    }
  }

  private static boolean isUnsignedDecimal(String text) {
    int dots = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.') {
        dots++;
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    return dots <= 1 && text.charAt(0) != '.';
  }

  private static Instant unix(String text) {
    if (text.indexOf('.') < 0) {
      long value = Long.parseLong(text);
      return value >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }
    BigDecimal value = new BigDecimal(text);
    BigDecimal seconds = value.compareTo(MILLIS_THRESHOLD_DECIMAL) >= 0 ? value.movePointLeft(3) : value;
    long whole = seconds.longValue();
    int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValueExact();
    return Instant.ofEpochSecond(whole, nanos);
  }

  private static Instant iso(String text) {
    if (text.length() == 10) {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    String withT = text.length() > 10 && text.charAt(10) == ' '
        ? text.substring(0, 10) + 'T' + text.substring(11)
        : text;
    return hasOffset(withT)
        ? OffsetDateTime.parse(withT).toInstant()
        : LocalDateTime.parse(withT).toInstant(ZoneOffset.UTC);
  }

  private static boolean hasOffset(String text) {
    char last = text.charAt(text.length() - 1);
    return last == 'Z' || last == 'z' || text.indexOf('+', 10) >= 0 || text.indexOf('-', 10) >= 0;
  }
}
