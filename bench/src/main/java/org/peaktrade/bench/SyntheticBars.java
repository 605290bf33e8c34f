package org.peaktrade.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a reproducible OHLCV CSV of 1-minute bars: a seeded random walk around 40,000 with BTC-like 1-minute
 * volatility, prices on a 0.1 tick. Used by the benchmarks so every machine measures the same input.
 * Usage: {@code java -cp bench/target/benchmarks.jar org.peaktrade.bench.SyntheticBars FILE [BARS]}.
 */
public final class SyntheticBars {
  private static final long START_MILLIS = 1_640_995_200_000L;
  private static final long SEED = 20_221_124L;

  private SyntheticBars() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    int bars = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    write(file, bars);
    System.out.printf("wrote %,d bars to %s%n", bars, file);
  }

  /** Writes the file unless it already exists with the same number of bars. */
  public static Path ensure(Path file, int bars) throws IOException {
    if (!Files.exists(file) || Files.lines(file).count() != bars + 1L) {
      Files.createDirectories(file.toAbsolutePath().getParent());
      write(file, bars);
    }
    return file;
  }

  static void write(Path file, int bars) throws IOException {
    SplittableRandom random = new SplittableRandom(SEED);
    long closeTicks = 400_000;
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      out.write("timestamp_ms,open,high,low,close,volume\n");
      for (int i = 0; i < bars; i++) {
        long open = closeTicks;
        long close = Math.max(10, open + Math.round(random.nextGaussian() * 200));
        long high = Math.max(open, close) + random.nextInt(80);
        long low = Math.max(1, Math.min(open, close) - random.nextInt(80));
        out.write(String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%d.%03d%n", START_MILLIS + 60_000L * i, ticks(open),
            ticks(high), ticks(low), ticks(close), random.nextInt(50), random.nextInt(1000)));
        closeTicks = close;
      }
    }
  }

  private static String ticks(long tenths) {
    return tenths / 10 + "." + tenths % 10;
  }
}
