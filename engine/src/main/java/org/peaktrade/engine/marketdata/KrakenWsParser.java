package org.peaktrade.engine.marketdata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Quote;
import org.peaktrade.protocol.Side;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.Trade;

/**
 * Parses Kraken WebSocket v2 frames. Numbers are read as exact decimals (never through double), and integers
 * that exceed 64 bits (the status frame's connection id) are kept as text. A frame that is not valid JSON or
 * repeats a key, or an ohlc, trade or ticker row with a missing, non-numeric, zero or negative value or an
 * impossible range (high below low, bid above ask), is rejected whole with an {@link IllegalArgumentException}
 * that names the row, the field and the value ({@code trade data[2].price is not a number: "abc"}); the caller
 * counts it and goes on.
 * Book levels keep the scale Kraken sent, which the book checksum depends on; Kraken documents them both as
 * JSON numbers and as quoted decimals, so both are accepted.
 */
public final class KrakenWsParser {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
      // A repeated key would otherwise silently keep its last value: two prices in one row is corrupt data.
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      // The book checksum is computed over the digits as sent, trailing zeros included.
      .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
      .build();
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
      case "trade":
        return trades(root);
      case "ticker":
        return ticker(root);
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
    boolean snapshot = isSnapshot(root, "ohlc");
    List<Bar> bars = new ArrayList<>();
    JsonNode data = root.path("data");
    for (int i = 0; i < data.size(); i++) {
      bars.add(candle(data.get(i), i));
    }
    return new KrakenWsFrame.Candles(snapshot, bars);
  }

  private static KrakenWsFrame trades(JsonNode root) {
    boolean snapshot = isSnapshot(root, "trade");
    JsonNode data = dataArray(root, "trade");
    List<Trade> trades = new ArrayList<>(data.size());
    Map<String, Integer> rowOfId = new HashMap<>();
    for (int i = 0; i < data.size(); i++) {
      Trade trade = trade(data.get(i), i);
      Integer earlier = rowOfId.putIfAbsent(trade.tradeId(), i);
      if (earlier != null) {
        throw new IllegalArgumentException("trade data[" + i + "].trade_id " + trade.tradeId() + " repeats data["
            + earlier + "]");
      }
      trades.add(trade);
    }
    return new KrakenWsFrame.Trades(snapshot, trades);
  }

  private static Trade trade(JsonNode row, int index) {
    String where = "trade data[" + index + "]";
    if (!row.isObject()) {
      throw new IllegalArgumentException(where + " is not an object: " + row);
    }
    return new Trade(KrakenWsFields.symbol(row, where), KrakenWsFields.time(row, "timestamp", where),
        KrakenWsFields.positivePrice(row, "price", where), KrakenWsFields.positiveQuantity(row, "qty", where),
        aggressor(row, where), tradeId(row, where));
  }

  private static Side aggressor(JsonNode row, String where) {
    String side = KrakenWsFields.text(row, "side", where);
    switch (side) {
      case "buy":
        return Side.BUY;
      case "sell":
        return Side.SELL;
      default:
        throw new IllegalArgumentException(where + ".side must be 'buy' or 'sell': '" + side + "'");
    }
  }

  /** Kept as text: it is an identifier, and a sequence number per book may outgrow a long. */
  private static String tradeId(JsonNode row, String where) {
    JsonNode value = row.get("trade_id");
    if (value == null || !value.isIntegralNumber() || value.bigIntegerValue().signum() < 0) {
      throw new IllegalArgumentException(where + ".trade_id must be a non-negative integer: " + value);
    }
    return value.bigIntegerValue().toString();
  }

  /**
   * One row per frame, as Kraken sends it. The row's {@code timestamp} is the quote time; some versions of the
   * documentation show rows without one, and then the frame's own {@code timestamp} stands in.
   */
  private static KrakenWsFrame ticker(JsonNode root) {
    boolean snapshot = isSnapshot(root, "ticker");
    JsonNode data = dataArray(root, "ticker");
    if (data.size() != 1) {
      throw new IllegalArgumentException("ticker frame must carry exactly one row, has " + data.size());
    }
    JsonNode row = data.get(0);
    String where = "ticker data[0]";
    if (!row.isObject()) {
      throw new IllegalArgumentException(where + " is not an object: " + row);
    }
    Instant time;
    if (row.has("timestamp")) {
      time = KrakenWsFields.time(row, "timestamp", where);
    } else if (root.has("timestamp")) {
      time = KrakenWsFields.time(root, "timestamp", "ticker frame");
    } else {
      throw new IllegalArgumentException(where + " has no timestamp, and neither has the frame");
    }
    Quote quote;
    try {
      quote = new Quote(KrakenWsFields.symbol(row, where), time, KrakenWsFields.positivePrice(row, "bid", where),
          KrakenWsFields.positiveQuantity(row, "bid_qty", where), KrakenWsFields.positivePrice(row, "ask", where),
          KrakenWsFields.positiveQuantity(row, "ask_qty", where));
    } catch (IllegalArgumentException e) {
      throw KrakenWsFields.inRow(where, e);
    }
    Price last = row.has("last") ? KrakenWsFields.positivePrice(row, "last", where) : null;
    return new KrakenWsFrame.Ticker(snapshot, quote, last);
  }

  private static boolean isSnapshot(JsonNode root, String channel) {
    String type = root.path("type").asText("");
    if (!type.equals("snapshot") && !type.equals("update")) {
      throw new IllegalArgumentException(channel + " frame with type '" + type + "'");
    }
    return type.equals("snapshot");
  }

  private static JsonNode dataArray(JsonNode root, String channel) {
    JsonNode data = root.get("data");
    if (data == null || !data.isArray()) {
      throw new IllegalArgumentException(channel + " frame has no data array");
    }
    return data;
  }

  private static KrakenWsFrame book(JsonNode root) {
    boolean snapshot = isSnapshot(root, "book");
    JsonNode data = root.path("data");
    if (data.size() != 1) {
      throw new IllegalArgumentException("book frame must carry exactly one symbol, has " + data.size());
    }
    JsonNode entry = data.get(0);
    String where = "book data[0]";
    return new KrakenWsFrame.Book(snapshot, KrakenWsFields.text(entry, "symbol", where),
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
    Symbol symbol = KrakenWsFields.symbol(row, where);
    Instant begin = KrakenWsFields.time(row, "interval_begin", where);
    JsonNode minutes = row.get("interval");
    if (minutes == null || !minutes.isIntegralNumber() || !minutes.canConvertToInt() || minutes.asInt() <= 0) {
      throw new IllegalArgumentException(where + ".interval must be a positive number of minutes: " + minutes);
    }
    try {
      return new Bar(symbol, begin, Duration.ofMinutes(minutes.asInt()), price(row, "open", where),
          price(row, "high", where), price(row, "low", where), price(row, "close", where),
          new Quantity(KrakenWsFields.decimal(row, "volume", where)));
    } catch (IllegalArgumentException e) {
      throw KrakenWsFields.inRow(where, e);
    }
  }

  private static Price price(JsonNode row, String field, String where) {
    return new Price(KrakenWsFields.decimal(row, field, where));
  }
}
