package org.peaktrade.engine.marketdata;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.peaktrade.protocol.Decimals;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Symbol;

/**
 * Reads one field of a Kraken WebSocket v2 data row. Every failure is an {@link IllegalArgumentException} whose
 * message starts with {@code where.field} (e.g. {@code trade data[2].price}), so a rejected frame says which row
 * and which field was wrong.
 */
final class KrakenWsFields {

  private KrakenWsFields() {}

  static String text(JsonNode row, String field, String where) {
    JsonNode value = row.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException(where + "." + field + " is missing or not text");
    }
    return value.asText();
  }

  static Symbol symbol(JsonNode row, String where) {
    String text = text(row, "symbol", where);
    try {
      return Symbol.of(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ".symbol: " + e.getMessage());
    }
  }

  static Instant time(JsonNode row, String field, String where) {
    String text = text(row, field, where);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(where + "." + field + " is not an RFC 3339 time: '" + text + "'");
    }
  }

  /** A JSON number, read exactly; text, even numeric text, is rejected, because Kraken sends numbers here. */
  static BigDecimal decimal(JsonNode row, String field, String where) {
    JsonNode value = row.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException(where + "." + field + " is missing");
    }
    if (!value.isNumber()) {
      throw new IllegalArgumentException(where + "." + field + " is not a number: " + value);
    }
    return Decimals.canonical(value.decimalValue());
  }

  static Price positivePrice(JsonNode row, String field, String where) {
    return new Price(positive(row, field, where));
  }

  /** A quantity that must be above zero: a trade of nothing or a best level holding nothing is corrupt. */
  static Quantity positiveQuantity(JsonNode row, String field, String where) {
    return new Quantity(positive(row, field, where));
  }

  private static BigDecimal positive(JsonNode row, String field, String where) {
    BigDecimal value = decimal(row, field, where);
    if (value.signum() <= 0) {
      throw new IllegalArgumentException(where + "." + field + " must be positive: " + value.toPlainString());
    }
    return value;
  }

  /** Prefixes a value type's own complaint (crossed quote, high below low) with the row it came from. */
  static IllegalArgumentException inRow(String where, IllegalArgumentException e) {
    return e.getMessage().startsWith(where) ? e : new IllegalArgumentException(where + ": " + e.getMessage());
  }
}
