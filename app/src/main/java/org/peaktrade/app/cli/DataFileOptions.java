package org.peaktrade.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.peaktrade.engine.data.BarInterval;
import org.peaktrade.engine.data.LoadOptions;
import org.peaktrade.engine.data.LoadedBars;
import org.peaktrade.engine.data.MarketDataFiles;
import org.peaktrade.protocol.Symbol;
import picocli.CommandLine.Option;

/** The options every command that reads a market-data file shares, and the load itself. */
public final class DataFileOptions {

  @Option(names = "--data", required = true, paramLabel = "FILE",
      description = "OHLCV CSV, Kraken REST OHLC JSON, a Kraken WebSocket v2 recording (.jsonl), or a trades CSV "
          + "(with --bar).")
  Path data;

  @Option(names = "--symbol", defaultValue = "BTC/USD", description = "Symbol of the data (default: ${DEFAULT-VALUE}).")
  String symbol;

  @Option(names = "--bar", paramLabel = "INTERVAL", description = "Aggregate a trades CSV to bars: 1m, 5m, 15m, 1h, 4h, 1d.")
  String bar;

  @Option(names = "--skip-bad-rows", description = "Skip malformed rows and count them instead of stopping.")
  boolean skipBadRows;

  public Path file() {
    return data;
  }

  public LoadedBars load() throws IOException {
    return MarketDataFiles.load(data,
        new LoadOptions(Symbol.of(symbol), Optional.ofNullable(bar).map(BarInterval::parse), skipBadRows));
  }
}
