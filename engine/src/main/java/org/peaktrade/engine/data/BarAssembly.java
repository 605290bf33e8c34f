package org.peaktrade.engine.data;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Instrument;
import org.peaktrade.protocol.Symbol;

/**
 * Turns parsed rows into bars, the part every reader shares: rows must have strictly increasing times,
 * the interval is given or detected, bars must not overlap, holes between bars are listed, and the instrument is
 * inferred.
 */
final class BarAssembly {
  /** Files carry no lot size; 8 decimals is Kraken's base-asset precision for most pairs. */
  static final int QUANTITY_SCALE = 8;

  private BarAssembly() {}

  static LoadedBars assemble(Symbol symbol, Optional<Duration> givenInterval, List<Candle> candles,
      RowProblems problems) {
    List<Candle> ordered = inStrictTimeOrder(candles, problems);
    if (ordered.isEmpty()) {
      throw MarketDataFormatException.ofFile(problems.file(), noUsableBars(problems.skipped()));
    }
    Duration interval = givenInterval.orElseGet(() -> detectInterval(ordered, problems.file()));
    List<Bar> bars = new ArrayList<>(ordered.size());
    List<BarGap> gaps = new ArrayList<>();
    Candle previous = null;
    int priceScale = 0;
    for (Candle candle : ordered) {
      if (previous != null && candle.openTime().isBefore(previous.openTime().plus(interval))) {
        problems.reject(candle.line(), "bar at " + candle.openTime() + " overlaps the "
            + BarInterval.format(interval) + " bar at " + previous.openTime() + " (line " + previous.line() + ")");
        continue;
      }
      if (previous != null && candle.openTime().isAfter(previous.openTime().plus(interval))) {
        gaps.add(new BarGap(problems.file(), candle.line(), previous.openTime().plus(interval), candle.openTime(),
            interval));
      }
      bars.add(new Bar(symbol, candle.openTime(), interval, candle.open(), candle.high(), candle.low(),
          candle.close(), candle.volume()));
      priceScale = Math.max(priceScale, priceScale(candle));
      previous = candle;
    }
    return new LoadedBars(symbol, interval, bars, Instrument.withScales(symbol, priceScale, QUANTITY_SCALE),
        problems.skipped(), gaps);
  }

  /** When every row was skipped, the reader learns why from the first one rather than from nothing. */
  private static String noUsableBars(List<RowProblem> skipped) {
    if (skipped.isEmpty()) {
      return "contains no usable bars";
    }
    RowProblem first = skipped.get(0);
    return "contains no usable bars; " + skipped.size() + (skipped.size() == 1 ? " row is" : " rows are")
        + " bad, the first on line " + first.line() + ": " + first.reason();
  }

  private static List<Candle> inStrictTimeOrder(List<Candle> candles, RowProblems problems) {
    List<Candle> ordered = new ArrayList<>(candles.size());
    Candle previous = null;
    for (Candle candle : candles) {
      if (previous != null && !candle.openTime().isAfter(previous.openTime())) {
        problems.reject(candle.line(), candle.openTime().equals(previous.openTime())
            ? "duplicate timestamp " + candle.openTime() + " (also on line " + previous.line() + ")"
            : "timestamp " + candle.openTime() + " is before " + previous.openTime() + " on line "
                + previous.line() + "; rows must be in time order");
        continue;
      }
      ordered.add(candle);
      previous = candle;
    }
    return ordered;
  }

  /** The most common spacing; gaps (exchange outages, quiet markets) are rarer than the regular step. */
  private static Duration detectInterval(List<Candle> ordered, String file) {
    if (ordered.size() < 2) {
      throw MarketDataFormatException.ofFile(file,
          "cannot detect the bar interval from a single bar; give it explicitly (e.g. --bar 1m)");
    }
    Map<Duration, Integer> counts = new HashMap<>();
    for (int i = 1; i < ordered.size(); i++) {
      counts.merge(Duration.between(ordered.get(i - 1).openTime(), ordered.get(i).openTime()), 1, Integer::sum);
    }
    Duration best = null;
    for (Map.Entry<Duration, Integer> entry : counts.entrySet()) {
      int bestCount = best == null ? 0 : counts.get(best);
      boolean smallerOnTie = entry.getValue() == bestCount && entry.getKey().compareTo(best) < 0;
      if (entry.getValue() > bestCount || smallerOnTie) {
        best = entry.getKey();
      }
    }
    return best;
  }

  private static int priceScale(Candle candle) {
    return Math.max(Math.max(candle.open().value().scale(), candle.high().value().scale()),
        Math.max(candle.low().value().scale(), candle.close().value().scale()));
  }
}
