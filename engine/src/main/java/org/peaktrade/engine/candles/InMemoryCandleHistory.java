package org.peaktrade.engine.candles;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Symbol;

/**
 * {@link CandleHistory} in memory: a sorted map per series. The store of nodes whose journal is in memory (unit tests)
 * and the reference the persistent stores are tested against. Thread-safe: one call at a time.
 */
public final class InMemoryCandleHistory implements CandleHistory {
  private final Map<CandleSeries, NavigableMap<Instant, Bar>> series = new HashMap<>();

  @Override
  public synchronized AppendResult append(List<Bar> bars) {
    Map<CandleSeries, StoredCandles> stored = new HashMap<>();
    CandleAppendCheck.windows(bars).forEach((key, window) -> {
      NavigableMap<Instant, Bar> kept = read(key);
      Optional<Bar> latest = kept.isEmpty() ? Optional.empty() : Optional.of(kept.lastEntry().getValue());
      stored.put(key, new StoredCandles(latest, new ArrayList<>(
          kept.subMap(window.fromInclusive(), true, window.toExclusive(), false).values())));
    });
    AppendPlan plan = CandleAppendCheck.plan(bars, stored);
    plan.toStore().forEach(bar -> kept(CandleSeries.of(bar)).put(bar.openTime(), bar));
    return plan.result();
  }

  @Override
  public synchronized List<Bar> range(Symbol symbol, Duration interval, Instant fromInclusive, Instant toExclusive) {
    TimeWindow window = new TimeWindow(fromInclusive, toExclusive);
    return List.copyOf(read(new CandleSeries(symbol, interval))
        .subMap(window.fromInclusive(), true, window.toExclusive(), false).values());
  }

  @Override
  public synchronized List<Bar> last(Symbol symbol, Duration interval, int n) {
    CandleHistory.requireCount(n);
    List<Bar> newestFirst = new ArrayList<>();
    Iterator<Bar> descending = read(new CandleSeries(symbol, interval)).descendingMap().values().iterator();
    while (newestFirst.size() < n && descending.hasNext()) {
      newestFirst.add(descending.next());
    }
    Collections.reverse(newestFirst);
    return List.copyOf(newestFirst);
  }

  @Override
  public synchronized Optional<Bar> latest(Symbol symbol, Duration interval) {
    NavigableMap<Instant, Bar> kept = read(new CandleSeries(symbol, interval));
    return kept.isEmpty() ? Optional.empty() : Optional.of(kept.lastEntry().getValue());
  }

  private NavigableMap<Instant, Bar> kept(CandleSeries key) {
    return series.computeIfAbsent(key, k -> new TreeMap<>());
  }

  private NavigableMap<Instant, Bar> read(CandleSeries key) {
    return series.getOrDefault(key, Collections.emptyNavigableMap());
  }
}
