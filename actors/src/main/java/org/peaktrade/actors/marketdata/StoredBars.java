package org.peaktrade.actors.marketdata;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.peaktrade.actors.candles.CandleStore;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Symbol;

/**
 * The published bars of one series as the node's {@link CandleStore} keeps them: a feed stores each bar before it
 * publishes it ({@link StoreBeforePublish}), so they outlive the process — a session resuming after a crash, a
 * restart or a move to another member finds every bar published after its last one, on whichever member it resumes
 * when the store is Cassandra's.
 */
public record StoredBars(CandleStore store, Symbol symbol, Duration interval) implements PublishedBars {
  public StoredBars {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(interval, "interval");
  }

  @Override
  public CompletionStage<List<Bar>> after(Instant lastOpen) {
    return store.latest(symbol, interval).thenCompose(latest -> latest.isEmpty()
        || !latest.get().openTime().isAfter(lastOpen) ? CompletableFuture.completedFuture(List.<Bar>of())
        : store.range(symbol, interval, lastOpen.plusNanos(1), latest.get().openTime().plus(interval)));
  }

  @Override
  public CompletionStage<List<Bar>> between(Instant after, Instant before) {
    if (!before.isAfter(after.plusNanos(1))) {
      return CompletableFuture.completedFuture(List.of());
    }
    return store.range(symbol, interval, after.plusNanos(1), before);
  }
}
