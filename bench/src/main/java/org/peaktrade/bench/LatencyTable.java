package org.peaktrade.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** Latency histograms in nanoseconds, printed as one markdown row of microseconds each. */
final class LatencyTable {
  private LatencyTable() {}

  static Histogram histogram() {
    return new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
  }

  static void header() {
    System.out.println("| path | p50 µs | p90 µs | p99 µs | max µs |");
    System.out.println("|---|---|---|---|---|");
  }

  static void row(String path, Histogram h) {
    System.out.printf("| %s | %,.0f | %,.0f | %,.0f | %,.0f |%n", path, h.getValueAtPercentile(50) / 1e3,
        h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3, h.getMaxValue() / 1e3);
  }
}
