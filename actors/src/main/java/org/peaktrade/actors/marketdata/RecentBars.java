package org.peaktrade.actors.marketdata;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.peaktrade.protocol.Bar;

/**
 * The newest bars a feed published, at most {@code capacity}, in memory: the {@link PublishedBars} of tests and
 * benches, and of a feed without a candle store. They are lost with the process; the node keeps its feeds' bars in
 * the candle store instead ({@link StoredBars}). Written by the feed's stream, read by subscribing sessions:
 * thread-safe.
 */
public final class RecentBars implements PublishedBars {

  private final int capacity;
  private final ArrayDeque<Bar> bars;

  public RecentBars(int capacity) {
    this.capacity = capacity;
    this.bars = new ArrayDeque<>(Math.max(1, Math.min(capacity, 4096)));
  }

  /**
   * Keeps {@code bar} as the newest; the oldest goes when more than {@code capacity} are kept. A bar not after the
   * newest kept is ignored (a replay played again), as the candle store ignores it.
   */
  public synchronized void add(Bar bar) {
    if (capacity == 0 || (!bars.isEmpty() && !bar.openTime().isAfter(bars.peekLast().openTime()))) {
      return;
    }
    bars.addLast(bar);
    if (bars.size() > capacity) {
      bars.pollFirst();
    }
  }

  @Override
  public CompletionStage<List<Bar>> between(Instant after, Instant before) {
    return CompletableFuture.completedFuture(keptBetween(after, before));
  }

  @Override
  public CompletionStage<List<Bar>> after(Instant lastOpen) {
    return CompletableFuture.completedFuture(keptAfter(lastOpen));
  }

  /** The kept bars that open after {@code after} and before {@code before}, oldest first. */
  public synchronized List<Bar> keptBetween(Instant after, Instant before) {
    List<Bar> between = new ArrayList<>();
    for (Bar bar : bars) {
      if (bar.openTime().isAfter(after) && bar.openTime().isBefore(before)) {
        between.add(bar);
      }
    }
    return between;
  }

  /** The kept bars that open after {@code lastOpen}, oldest first. */
  public synchronized List<Bar> keptAfter(Instant lastOpen) {
    List<Bar> after = new ArrayList<>();
    for (Bar bar : bars) {
      if (bar.openTime().isAfter(lastOpen)) {
        after.add(bar);
      }
    }
    return after;
  }
}
