package org.peaktrade.actors.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Source;
import org.peaktrade.actors.marketdata.PublishedBars;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.session.MarketDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The closed bars of one symbol as the node offers them to sessions, and where they come from (the mode gates
 * decide on it: SHADOW takes live or replayed real candles, never synthetic ones). Every materialisation of
 * {@code bars} is one more subscriber (a {@code FeedHub} subscription, or a replay from its start); a session skips
 * bars it has already processed, so a replay that restarts after a node restart continues where it left off.
 * {@code published} holds the bars published so far (the node's candle store; {@link PublishedBars#NONE}: none),
 * which a resuming session receives first ({@link #after}).
 */
public record BarFeed(MarketDataSource source, Source<Bar, NotUsed> bars, PublishedBars published) {
  private static final Logger LOG = LoggerFactory.getLogger(BarFeed.class);

  public BarFeed {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(bars, "bars");
    Objects.requireNonNull(published, "published");
  }

  /** A feed that keeps no published bars. */
  public BarFeed(MarketDataSource source, Source<Bar, NotUsed> bars) {
    this(source, bars, PublishedBars.NONE);
  }

  /**
   * The bars for a subscriber whose last bar opened at {@code lastOpen} (null: it has none, it gets the live bars):
   * the published bars after it, then the live ones. A hub subscription attaches asynchronously, and a slow
   * subscriber's buffer drops its oldest bars, so the live bars may start later than the published ones end or skip
   * some: before a live bar that does not follow the last bar given on (its open is not that bar's close), the
   * published bars between the two are given first. A bar is among the published ones before the hub has it, so a
   * live bar finds every bar published before it there. No bar is given twice.
   */
  public Source<Bar, NotUsed> after(Instant lastOpen) {
    if (lastOpen == null || published == PublishedBars.NONE) {
      return bars;
    }
    // Both parts are materialised at once (concat is eager): the live subscription attaches while the published
    // bars are read, however long the read takes, and its bars wait (gap-filled) until the read is given on.
    return Source.fromMaterializer((materializer, attributes) -> {
      CompletionStage<List<Bar>> kept = readOrNone(published.after(lastOpen), "after " + lastOpen);
      GapFill fill = new GapFill(published, lastOpen);
      return Source.completionStage(kept).<Bar>mapConcat(first -> first)
          .concat(bars.mapAsync(1, bar -> kept.thenCompose(first -> fill.after(first).apply(bar)))
              .mapConcat(given -> given));
    }).mapMaterializedValue(ignored -> NotUsed.notUsed());
  }

  /**
   * The bars {@code read} gives, or none when it fails: the subscriber goes on with the live bars (and its progress
   * shows the bars it missed) rather than losing its feed to a store that did not answer.
   */
  private static CompletionStage<List<Bar>> readOrNone(CompletionStage<List<Bar>> read, String what) {
    return read.exceptionally(failure -> {
      LOG.warn("market data: reading the published bars {} failed, going on with the live ones: {}", what,
          failure.toString());
      return List.of();
    });
  }

  /**
   * Gives each live bar on, after the published bars missing before it; drops a live bar not after the last given.
   * Runs one bar at a time ({@code mapAsync(1)}): the next bar waits until the bars before it are read.
   */
  private static final class GapFill {
    private final PublishedBars published;
    private Instant lastOpen;
    private Instant lastClose;
    private boolean started;

    GapFill(PublishedBars published, Instant lastOpen) {
      this.published = published;
      this.lastOpen = lastOpen;
    }

    /** Before the first live bar: {@code first} are the published bars given ahead of the live ones. */
    GapFill after(List<Bar> first) {
      if (!started && !first.isEmpty()) {
        Bar lastGiven = first.get(first.size() - 1);
        lastOpen = lastGiven.openTime();
        lastClose = lastGiven.closeTime();
      }
      started = true;
      return this;
    }

    CompletionStage<List<Bar>> apply(Bar bar) {
      if (!bar.openTime().isAfter(lastOpen)) {
        return CompletableFuture.completedFuture(List.of());
      }
      CompletionStage<List<Bar>> before = bar.openTime().equals(lastClose)
          ? CompletableFuture.completedFuture(List.of())
          : readOrNone(published.between(lastOpen, bar.openTime()), "between " + lastOpen + " and " + bar.openTime());
      return before.thenApply(missing -> {
        List<Bar> given = new ArrayList<>(missing.size() + 1);
        given.addAll(missing);
        given.add(bar);
        Bar last = given.get(given.size() - 1);
        lastOpen = last.openTime();
        lastClose = last.closeTime();
        return given;
      });
    }
  }
}
