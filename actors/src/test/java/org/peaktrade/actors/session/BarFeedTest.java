package org.peaktrade.actors.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.actors.marketdata.PublishedBars;
import org.peaktrade.actors.marketdata.RecentBars;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.session.MarketDataSource;

/**
 * A resuming subscriber's bars: the published bars after its last one, then the live ones, with the bars the live
 * subscription missed (it attached after they were published, or its buffer dropped them) taken from the published
 * ones, and none twice; the live ones alone when the published ones cannot be read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BarFeedTest {
  /** A short subscription timeout, so that a published read slower than it shows what a slow store would do. */
  private final ActorTestKit testKit = ActorTestKit.create(ConfigFactory.parseString(
      "pekko.stream.materializer.subscription-timeout.timeout = 500ms"));

  @AfterAll
  void stop() {
    testKit.shutdownTestKit();
  }

  @Test
  void givesTheBarsPublishedBeforeTheLiveSubscriptionAttachedFromTheRecentOnes() throws Exception {
    RecentBars recent = new RecentBars(1024);
    minutes(0, 5).forEach(recent::add);
    // The live subscription attaches late: minutes 5 to 7 are published (and kept) before its first bar, minute 8.
    Source<Bar, ?> live = Source.lazySource(() -> {
      minutes(5, 10).forEach(recent::add);
      return Source.from(minutes(8, 10));
    });

    assertThat(run(feed(live, recent).after(Bars.minute(2).openTime()))).isEqualTo(minutes(3, 10));
  }

  @Test
  void fillsTheBarsTheLiveSubscriptionSkippedAndGivesNoneTwice() throws Exception {
    RecentBars recent = new RecentBars(1024);
    minutes(0, 8).forEach(recent::add);
    // Published while the subscriber reads the recent ones: minutes 8 to 12; its buffer dropped 8 and 11.
    Source<Bar, ?> live = Source.lazySource(() -> {
      minutes(8, 13).forEach(recent::add);
      return Source.from(List.of(Bars.minute(7), Bars.minute(9), Bars.minute(10), Bars.minute(12)));
    });

    assertThat(run(feed(live, recent).after(Bars.minute(6).openTime()))).isEqualTo(minutes(7, 13));
  }

  @Test
  void givesASubscriberWithoutALastBarTheLiveBarsOnly() throws Exception {
    RecentBars recent = new RecentBars(1024);
    minutes(0, 5).forEach(recent::add);

    assertThat(run(feed(Source.from(minutes(7, 9)), recent).after(null))).isEqualTo(minutes(7, 9));
  }

  @Test
  void goesOnWithTheLiveBarsWhenThePublishedOnesCannotBeRead() throws Exception {
    PublishedBars unreadable = new PublishedBars() {
      @Override
      public CompletionStage<List<Bar>> after(Instant lastOpen) {
        return CompletableFuture.failedFuture(new IllegalStateException("store down"));
      }

      @Override
      public CompletionStage<List<Bar>> between(Instant after, Instant before) {
        return CompletableFuture.failedFuture(new IllegalStateException("store down"));
      }
    };

    assertThat(run(feed(Source.from(minutes(7, 9)), unreadable).after(Bars.minute(2).openTime())))
        .isEqualTo(minutes(7, 9));
  }

  @Test
  void keepsTheLiveSubscriptionWhileAPublishedReadTakesLongerThanTheSubscriptionTimeout() throws Exception {
    RecentBars recent = new RecentBars(1024);
    minutes(0, 5).forEach(recent::add);
    PublishedBars slow = new PublishedBars() {
      @Override
      public CompletionStage<List<Bar>> after(Instant lastOpen) {
        return CompletableFuture.supplyAsync(() -> recent.keptAfter(lastOpen),
            CompletableFuture.delayedExecutor(1500, TimeUnit.MILLISECONDS));
      }

      @Override
      public CompletionStage<List<Bar>> between(Instant after, Instant before) {
        return recent.between(after, before);
      }
    };

    assertThat(run(feed(Source.from(minutes(5, 9)), slow).after(Bars.minute(2).openTime())))
        .isEqualTo(minutes(3, 9));
  }

  private static BarFeed feed(Source<Bar, ?> live, PublishedBars recent) {
    return new BarFeed(MarketDataSource.REPLAY, live.mapMaterializedValue(ignored -> NotUsed.notUsed()), recent);
  }

  private List<Bar> run(Source<Bar, ?> bars) throws Exception {
    return bars.completionTimeout(Duration.ofSeconds(5)).runWith(Sink.seq(), testKit.system()).toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  private static List<Bar> minutes(long from, long to) {
    return LongStream.range(from, to).mapToObj(Bars::minute).toList();
  }
}
