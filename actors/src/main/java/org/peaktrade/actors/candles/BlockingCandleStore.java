package org.peaktrade.actors.candles;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.peaktrade.engine.candles.AppendResult;
import org.peaktrade.engine.candles.CandleHistory;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Symbol;

/** A {@link CandleStore} over a blocking {@link CandleHistory}, whose every call runs on {@code executor}. */
final class BlockingCandleStore implements CandleStore {
  private final CandleHistory history;
  private final Executor executor;
  private final Runnable release;

  BlockingCandleStore(CandleHistory history, Executor executor, Runnable release) {
    this.history = history;
    this.executor = executor;
    this.release = release;
  }

  /** SQLite in {@code settings.file()}, its JDBC calls on the store's own dispatcher. */
  static BlockingCandleStore sqlite(ActorSystem<?> system, CandleStoreSettings.Sqlite settings) {
    SqliteCandleHistory sqlite = SqliteCandleHistory.open(settings.file(), settings.busyTimeout(),
        settings.connections());
    Executor dispatcher = system.dispatchers().lookup(DispatcherSelector.fromConfig(settings.dispatcher()));
    return new BlockingCandleStore(sqlite, dispatcher, sqlite::close);
  }

  @Override
  public CompletionStage<AppendResult> append(List<Bar> bars) {
    List<Bar> batch = List.copyOf(bars);
    return CompletableFuture.supplyAsync(() -> history.append(batch), executor);
  }

  @Override
  public CompletionStage<List<Bar>> range(Symbol symbol, Duration interval, Instant fromInclusive,
      Instant toExclusive) {
    return CompletableFuture.supplyAsync(() -> history.range(symbol, interval, fromInclusive, toExclusive), executor);
  }

  @Override
  public CompletionStage<List<Bar>> last(Symbol symbol, Duration interval, int n) {
    return CompletableFuture.supplyAsync(() -> history.last(symbol, interval, n), executor);
  }

  @Override
  public CompletionStage<Optional<Bar>> latest(Symbol symbol, Duration interval) {
    return CompletableFuture.supplyAsync(() -> history.latest(symbol, interval), executor);
  }

  @Override
  public void close() {
    release.run();
  }
}
