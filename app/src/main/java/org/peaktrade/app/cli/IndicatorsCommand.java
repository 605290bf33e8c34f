package org.peaktrade.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.peaktrade.app.ExitCodes;
import org.peaktrade.engine.data.LoadedBars;
import org.peaktrade.engine.indicator.IndicatorCatalog;
import org.peaktrade.engine.indicator.IndicatorColumns;
import org.peaktrade.protocol.Bar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Computes indicator series over a data file and writes them beside the time column. */
@Command(name = "indicators", mixinStandardHelpOptions = true,
    description = "Write indicator series for a data file as CSV (time, close, one column per indicator output).",
    footer = {"%nExample:%n  peak-trade indicators --data data/demo/btc-perp-1m-2022-01.csv "
        + "--indicator sma:15 --indicator rsi:14 --out sma-rsi.csv"})
public final class IndicatorsCommand implements Callable<Integer> {

  @Mixin
  DataFileOptions input;

  @Option(names = "--indicator", required = true, paramLabel = "SPEC",
      description = "Indicator spec, repeatable, e.g. sma:15, rsi:14, bbands:20:2, macd:12:26:9.")
  List<String> indicators;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write.")
  Path out;

  @Override
  public Integer call() throws IOException {
    List<IndicatorColumns> columns = indicators.stream().map(IndicatorCatalog::parse).toList();
    LoadedBars loaded = input.load();
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (BufferedWriter writer = Files.newBufferedWriter(out)) {
      List<String> header = new ArrayList<>(List.of("time", "close"));
      columns.forEach(c -> header.addAll(c.columns()));
      writer.write(String.join(",", header));
      writer.newLine();
      StringBuilder line = new StringBuilder();
      for (Bar b : loaded.bars()) {
        line.setLength(0);
        line.append(b.openTime()).append(',').append(b.close());
        for (IndicatorColumns c : columns) {
          c.update(b.open().toDouble(), b.high().toDouble(), b.low().toDouble(), b.close().toDouble(),
              b.volume().toDouble());
          for (double v : c.values()) {
            line.append(',');
            if (!Double.isNaN(v)) {
              line.append(String.format(Locale.ROOT, "%.10g", v));
            }
          }
        }
        writer.write(line.toString());
        writer.newLine();
      }
    }
    System.out.printf("wrote %d rows x %d indicator columns to %s%n", loaded.bars().size(),
        columns.stream().mapToInt(c -> c.columns().size()).sum(), out);
    if (!loaded.skipped().isEmpty()) {
      System.out.printf("skipped %d bad rows (first: %s)%n", loaded.skipped().size(), loaded.skipped().get(0));
    }
    return ExitCodes.OK;
  }
}
