package org.peaktrade.engine.marketdata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Decimals;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Symbol;

/**
 * Parses Kraken WebSocket v2 frames. Numbers are read as exact decimals (never through double), and integers
 * that exceed 64 bits (the status frame's connection id) are kept as text. A frame that is not valid JSON, or an
 * ohlc row with a missing, non-numeric, zero or negative value or an impossible range, is rejected with an
 * {@link IllegalArgumentException} that names the field and the value; the caller counts it and goes on.
 * Book levels keep the scale Kraken sent, which the book checksum depends on; Kraken documents them both as
 * JSON numbers and as quoted decimals, so both are accepted.
 */
public final class KrakenWsParser {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
      // The book checksum is computed over the digits as sent, trailing zeros included.
      .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
  private static final long MAX_CHECKSUM = 0xFFFF_FFFFL;

  private KrakenWsParser() {}

  public static KrakenWsFrame parse(String frame) {
    JsonNode root;
    try {
      root = JSON.readTree(frame);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    if (root.has("method")) {
      return method(root);
    }
    String channel = root.path("channel").asText("");
    switch (channel) {
      case "heartbeat":
        return new KrakenWsFrame.Heartbeat();
      case "status":
        JsonNode status = root.path("data").path(0);
        return new KrakenWsFrame.Status(status.path("system").asText(null),
            status.has("connection_id") ? status.get("connection_id").asText() : null);
      case "ohlc":
        return candles(root);
      case "book":
        return book(root);
      default:
        return new KrakenWsFrame.Other(channel.isEmpty() ? "unknown" : channel);
    }
  }

  private static KrakenWsFrame method(JsonNode root) {
    String method = root.get("method").asText();
    Long reqId = root.has("req_id") ? root.get("req_id").asLong() : null;
    if (method.equals("pong")) {
      return new KrakenWsFrame.Pong(reqId);
    }
    if (method.equals("subscribe") || method.equals("unsubscribe")) {
      JsonNode result = root.path("result");
      String symbol = result.has("symbol") ? result.get("symbol").asText() : root.path("symbol").asText(null);
      return new KrakenWsFrame.Ack(method, root.path("success").asBoolean(false), result.path("channel").asText(null),
          symbol, root.has("error") ? root.get("error").asText() : null, reqId);
    }
    return new KrakenWsFrame.Other(method);
  }

  private static KrakenWsFrame candles(JsonNode root) {
    String type = root.path("type").asText("");
    if (!type.equals("snapshot") && !type.equals("update")) {
      throw new IllegalArgumentException("ohlc frame with type '" + type + "'");
    }
    List<Bar> bars = new ArrayList<>();
    JsonNode data = root.path("data");
    for (int i = 0; i < data.size(); i++) {
      bars.add(candle(data.get(i), i));
    }
    return new KrakenWsFrame.Candles(type.equals("snapshot"), bars);
  }

  private static KrakenWsFrame book(JsonNode root) {
    String type = root.path("type").asText("");
    if (!type.equals("snapshot") && !type.equals("update")) {
      throw new IllegalArgumentException("book frame with type '" + type + "'");
    }
    JsonNode data = root.path("data");
    if (data.size() != 1) {
      throw new IllegalArgumentException("book frame must carry exactly one symbol, has " + data.size());
    }
    JsonNode entry = data.get(0);
    String where = "book data[0]";
    return new KrakenWsFrame.Book(type.equals("snapshot"), text(entry, "symbol", where),
        levels(entry, "bids", where), levels(entry, "asks", where), checksum(entry, where));
  }

  private static List<KrakenBookLevel> levels(JsonNode entry, String side, String where) {
    JsonNode rows = entry.get(side);
    if (rows == null || !rows.isArray()) {
      throw new IllegalArgumentException(where + "." + side + " is missing or not an array");
    }
    List<KrakenBookLevel> levels = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      String at = where + "." + side + "[" + i + "]";
      try {
        levels.add(new KrakenBookLevel(exactDecimal(rows.get(i), "price", at), exactDecimal(rows.get(i), "qty", at)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(e.getMessage().startsWith(at) ? e.getMessage() : at + ": " + e.getMessage());
      }
    }
    return levels;
  }

  private static BigDecimal exactDecimal(JsonNode row, String field, String where) {
    JsonNode value = row.get(field);
    if (value != null && value.isNumber()) {
      return value.decimalValue();
    }
    if (value != null && value.isTextual()) {
      try {
        return new BigDecimal(value.asText());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(where + "." + field + " is not a number: " + value);
      }
    }
    throw new IllegalArgumentException(where + "." + field + " is missing or not a number: " + value);
  }

  private static long checksum(JsonNode entry, String where) {
    JsonNode value = entry.get("checksum");
    if (value == null || !value.isIntegralNumber() || value.bigIntegerValue().signum() < 0
        || value.bigIntegerValue().compareTo(BigInteger.valueOf(MAX_CHECKSUM)) > 0) {
      throw new IllegalArgumentException(where + ".checksum must be an unsigned 32-bit integer: " + value);
    }
    return value.longValue();
  }

  private static Bar candle(JsonNode row, int index) {
    String where = "ohlc data[" + index + "]";
    String symbolText = text(row, "symbol", where);
    Symbol symbol;
    try {
      symbol = Symbol.of(symbolText);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ".symbol: " + e.getMessage());
    }
    Instant begin;
    try {
      begin = Instant.parse(text(row, "interval_begin", where));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(where + ".interval_begin is not an RFC 3339 time: '"
          + row.get("interval_begin").asText() + "'");
    }
    JsonNode minutes = row.get("interval");
    if (minutes == null || !minutes.canConvertToInt() || minutes.asInt() <= 0) {
      throw new IllegalArgumentException(where + ".interval must be a positive number of minutes: " + minutes);
    }
    try {
      return new Bar(symbol, begin, Duration.ofMinutes(minutes.asInt()), price(row, "open", where),
          price(row, "high", where), price(row, "low", where), price(row, "close", where),
          new Quantity(decimal(row, "volume", where)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage().startsWith(where) ? e.getMessage() : where + ": " + e.getMessage());
    }
  }

  private static Price price(JsonNode row, String field, String where) {
    return new Price(decimal(row, field, where));
  }

  private static BigDecimal decimal(JsonNode row, String field, String where) {
    JsonNode value = row.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException(where + "." + field + " is missing");
    }
    if (!value.isNumber()) {
      throw new IllegalArgumentException(where + "." + field + " is not a number: " + value);
    }
    return Decimals.canonical(value.decimalValue());
  }

  private static String text(JsonNode row, String field, String where) {
    JsonNode value = row.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException(where + "." + field + " is missing or not text");
    }
    return value.asText();
  }
}
