package org.peaktrade.engine.data;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Symbol;

/**
 * Reads a saved Kraken REST {@code /0/public/OHLC} response:
 * {@code {"error":[],"result":{"<PAIR>":[[time,"open","high","low","close","vwap","volume",count],...],
 * "last":N}}}. Times are unix seconds of the interval start; prices are strings and are read exactly.
 *
 * <p>Kraken always appends the interval still in progress as the last row; it is dropped unless
 * {@link FormingCandle#KEEP} is asked for. A non-empty {@code error} array fails the load with Kraken's
 * messages. Line numbers in messages refer to the row's opening bracket.
 */
public final class KrakenOhlcJsonReader {
  private static final List<String> ROW_LAYOUT =
      List.of("time", "open", "high", "low", "close", "vwap", "volume", "count");

  private KrakenOhlcJsonReader() {}

  public static LoadedBars read(Path file, LoadOptions options) throws IOException {
    return read(file, options, FormingCandle.DROP);
  }

  /** Reads the bars; {@code options.bar()}, if present, is used instead of detecting the interval. */
  public static LoadedBars read(Path file, LoadOptions options, FormingCandle forming) throws IOException {
    String name = MarketDataFiles.displayName(file);
    return bars(KrakenOhlcResponse.parse(file, name), name, options, forming);
  }

  /**
   * The closed candles of a response body fetched over HTTP, as {@code interval} bars of {@code symbol}; the
   * forming candle is dropped, and a response with nothing closed yet gives an empty list. {@code name} (e.g. the
   * request URI) prefixes every message; a Kraken error or a bad row fails with {@link MarketDataFormatException}.
   */
  public static List<Bar> closedBars(String body, String name, Symbol symbol, Duration interval) {
    KrakenOhlcResponse response = KrakenOhlcResponse.parse(body, name);
    failOnErrors(response, name);
    if (onlyPair(response, name).size() <= 1) {
      return List.of();
    }
    return bars(response, name, LoadOptions.defaults().withSymbol(symbol).withBar(interval), FormingCandle.DROP)
        .bars();
  }

  private static LoadedBars bars(KrakenOhlcResponse response, String name, LoadOptions options,
      FormingCandle forming) {
    failOnErrors(response, name);
    List<KrakenOhlcResponse.Row> rows = onlyPair(response, name);
    if (forming == FormingCandle.DROP && !rows.isEmpty()) {
      rows = rows.subList(0, rows.size() - 1);
    }
    RowProblems problems = new RowProblems(name, options.skipBadRows());
    List<Candle> candles = new ArrayList<>(rows.size());
    for (KrakenOhlcResponse.Row row : rows) {
      try {
        candles.add(candle(row));
      } catch (RowRejected e) {
        problems.reject(row.line(), e.getMessage());
      }
    }
    return BarAssembly.assemble(options.symbol(), options.bar(), candles, problems);
  }

  private static void failOnErrors(KrakenOhlcResponse response, String name) {
    if (!response.errors().isEmpty()) {
      throw MarketDataFormatException.ofFile(name, "Kraken returned an error: " + String.join("; ",
          response.errors()));
    }
  }

  private static List<KrakenOhlcResponse.Row> onlyPair(KrakenOhlcResponse response, String name) {
    Map<String, List<KrakenOhlcResponse.Row>> pairs = response.pairs();
    if (pairs.size() != 1) {
      throw MarketDataFormatException.ofFile(name,
          "expected 'result' to hold the rows of exactly one pair but found " + pairs.keySet());
    }
    return pairs.values().iterator().next();
  }

  private static Candle candle(KrakenOhlcResponse.Row row) {
    List<String> fields = row.fields();
    if (fields.size() != ROW_LAYOUT.size()) {
      throw new RowRejected("expected " + ROW_LAYOUT.size() + " fields " + ROW_LAYOUT + " but found "
          + fields.size());
    }
    if (fields.contains(null)) {
      throw new RowRejected("row holds a nested array or object; expected " + ROW_LAYOUT);
    }
    return Candle.checked(row.line(), time(fields.get(0)),
        Fields.price(fields.get(1), "field 'open'"),
        Fields.price(fields.get(2), "field 'high'"),
        Fields.price(fields.get(3), "field 'low'"),
        Fields.price(fields.get(4), "field 'close'"),
        Fields.nonNegative(fields.get(6), "field 'volume'"));
  }

  private static Instant time(String text) {
    try {
      return Instant.ofEpochSecond(Long.parseLong(text));
    } catch (NumberFormatException e) {
      throw new RowRejected("field 'time' is not whole unix seconds: '" + text + "'");
    }
  }
}
