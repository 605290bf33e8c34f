package org.peaktrade.engine.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one entry point for historical data: picks the reader from the file itself.
 *
 * <ul>
 *   <li>a name ending in {@code .jsonl} or {@code .ndjson}, or a first line that is a whole Kraken WebSocket v2
 *   frame, is a recording of WebSocket frames;</li>
 *   <li>any other name ending in {@code .json} is a Kraken OHLC response;</li>
 *   <li>a CSV whose first line names a time column and open, high, low, close holds bars;</li>
 *   <li>any other CSV holds trades, aggregated into bars of {@link LoadOptions#bar()}.</li>
 * </ul>
 *
 * For bar files a given {@code bar} replaces interval detection; bars are never resampled, so asking for
 * 5m bars from a 1m file fails on the first overlapping row.
 */
public final class MarketDataFiles {

  private MarketDataFiles() {}

  public static LoadedBars load(Path file, LoadOptions options) throws IOException {
    return switch (detect(file)) {
      case KRAKEN_OHLC_JSON -> KrakenOhlcJsonReader.read(file, options);
      case KRAKEN_WS_JSONL -> KrakenWsJsonlReader.read(file, options);
      case OHLCV_CSV -> OhlcvCsvReader.read(file, options);
      case TRADES_CSV -> TradesCsvAggregator.aggregate(file, options);
    };
  }

  public static MarketDataFormat detect(Path file) throws IOException {
    String name = displayName(file).toLowerCase(Locale.ROOT);
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return MarketDataFormat.KRAKEN_WS_JSONL;
    }
    String first;
    try (CsvLines lines = CsvLines.open(file)) {
      first = lines.next();
    }
    if (KrakenWsJsonlReader.isFrame(first)) {
      return MarketDataFormat.KRAKEN_WS_JSONL;
    }
    if (name.endsWith(".json")) {
      return MarketDataFormat.KRAKEN_OHLC_JSON;
    }
    boolean bars = first != null && CsvHeader.of(CsvLines.split(first)).describesBars();
    return bars ? MarketDataFormat.OHLCV_CSV : MarketDataFormat.TRADES_CSV;
  }

  /** Messages name the file, not its full path, so they stay short and the same on every machine. */
  static String displayName(Path file) {
    Path name = file.getFileName();
    return name == null ? file.toString() : name.toString();
  }
}
