package org.peaktrade.actors.marketdata;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.peaktrade.protocol.Bar;

/**
 * The bars a feed of one symbol has published, for subscribers that resume: a session restarted with a last bar
 * reads the bars after it from here before the live ones ({@code BarFeed.after}). Every bar is here before the feed
 * publishes it, so a live bar finds every bar published before it. The node keeps them in its {@link StoredBars}
 * (the candle store: they outlive the process); {@link RecentBars} keeps the newest in memory.
 */
public interface PublishedBars {
  /** Keeps nothing: subscribers get the live bars only. */
  PublishedBars NONE = new PublishedBars() {
    @Override
    public CompletionStage<List<Bar>> after(Instant lastOpen) {
      return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletionStage<List<Bar>> between(Instant after, Instant before) {
      return CompletableFuture.completedFuture(List.of());
    }
  };

  /** The bars kept that open after {@code lastOpen}, oldest first. */
  CompletionStage<List<Bar>> after(Instant lastOpen);

  /** The bars kept that open after {@code after} and before {@code before}, oldest first. */
  CompletionStage<List<Bar>> between(Instant after, Instant before);

  /**
   * The bars kept of a series of {@code interval} that open before {@code before}, within the {@code span} intervals
   * before it and not before {@code from} (a session's first bar), oldest first: a warm-up, an equity curve.
   */
  default CompletionStage<List<Bar>> spanBefore(Instant from, Instant before, Duration interval, long span) {
    Instant window = before.minus(interval.multipliedBy(span));
    Instant afterFirst = from.minusNanos(1);
    return between(afterFirst.isAfter(window) ? afterFirst : window, before);
  }
}
