package org.peaktrade.actors.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peaktrade.actors.candles.CandleStore;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.engine.candles.AppendResult;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Symbol;

/**
 * A feed's bars go to the candle store before they are published: what the store keeps is published (identical
 * re-appends too), what it refuses is not, and a store that fails does not stop the feed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreBeforePublishTest {
  private final ActorTestKit testKit = ActorTestKit.create();

  @AfterAll
  void stop() {
    testKit.shutdownTestKit();
  }

  @Test
  void storesEveryBarBeforePublishingItAndReadsThemBackAsPublishedBars() throws Exception {
    CandleStore store = CandleStore.inMemory(testKit.system());
    FeedStats stats = new FeedStats();
    StoredBars published = new StoredBars(store, Bars.BTC, Duration.ofMinutes(1));

    // each bar is in the store by the time it is published: read back as it comes out, without blocking the stream
    List<Map.Entry<Bar, List<Bar>>> readBack = run(Source.from(minutes(0, 700))
        .via(StoreBeforePublish.flow(store, stats, "replay"))
        .mapAsync(1, bar -> published.after(bar.openTime().minusSeconds(60)).thenApply(stored -> Map.entry(bar,
            stored))));

    List<Bar> out = readBack.stream().map(Map.Entry::getKey).toList();
    assertThat(readBack).allSatisfy(read -> assertThat(read.getValue()).first().isEqualTo(read.getKey()));

    assertThat(out).isEqualTo(minutes(0, 700));
    assertThat(await(published.after(Bars.minute(697).openTime()))).isEqualTo(minutes(698, 700));
    assertThat(await(published.between(Bars.minute(10).openTime(), Bars.minute(13).openTime())))
        .isEqualTo(minutes(11, 13));
    assertThat(await(published.after(Bars.minute(699).openTime()))).isEmpty();
    assertThat(stats.storeRefused()).isZero();
    assertThat(stats.storeFailures()).isZero();
  }

  @Test
  void publishesBarsPlayedAgainThatTheStoreKeepsAlready() throws Exception {
    CandleStore store = CandleStore.inMemory(testKit.system());
    FeedStats stats = new FeedStats();
    run(Source.from(minutes(0, 5)).via(StoreBeforePublish.flow(store, stats, "replay")));

    List<Bar> again = run(Source.from(minutes(0, 8)).via(StoreBeforePublish.flow(store, stats, "replay")));

    assertThat(again).isEqualTo(minutes(0, 8));
    assertThat(stats.storeRefused()).isZero();
  }

  @Test
  void doesNotPublishABarThatDiffersFromTheCandleTheStoreKeepsAndCountsIt() throws Exception {
    CandleStore store = CandleStore.inMemory(testKit.system());
    FeedStats stats = new FeedStats();
    run(Source.from(minutes(0, 3)).via(StoreBeforePublish.flow(store, stats, "replay")));
    Bar other = new Bar(Bars.BTC, Bars.minute(2).openTime(), Duration.ofMinutes(1), Price.of("101"), Price.of("101"),
        Price.of("101"), Price.of("101"), Quantity.of("1"));

    List<Bar> out = run(Source.from(List.of(other, Bars.minute(3))).via(StoreBeforePublish.flow(store, stats,
        "replay")));

    assertThat(out).containsExactly(Bars.minute(3));
    assertThat(stats.storeRefused()).isEqualTo(1);
    assertThat(await(store.range(Bars.BTC, Duration.ofMinutes(1), Bars.minute(2).openTime(),
        Bars.minute(3).openTime()))).containsExactly(Bars.minute(2));
  }

  @Test
  void publishesTheBarsAStoreThatFailsDidNotTakeAndCountsTheFailure() throws Exception {
    FeedStats stats = new FeedStats();

    List<Bar> out = run(Source.from(minutes(0, 4)).via(StoreBeforePublish.flow(new FailingStore(), stats,
        "kraken")));

    assertThat(out).isEqualTo(minutes(0, 4));
    assertThat(stats.storeFailures()).isPositive();
  }

  /** Runs {@code bars} to the end; a whole run may take longer than one read ({@link #await}) on a loaded machine. */
  private <T> List<T> run(Source<T, ?> bars) throws Exception {
    return bars.runWith(Sink.<T>seq(), testKit.system()).toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static List<Bar> minutes(long from, long to) {
    return LongStream.range(from, to).mapToObj(Bars::minute).toList();
  }

  /** A store whose every call fails, as a Cassandra store does while its cluster is down. */
  private static final class FailingStore implements CandleStore {
    @Override
    public CompletionStage<AppendResult> append(List<Bar> bars) {
      return CompletableFuture.failedFuture(new IllegalStateException("store down"));
    }

    @Override
    public CompletionStage<List<Bar>> range(Symbol symbol, Duration interval, Instant from, Instant to) {
      return CompletableFuture.failedFuture(new IllegalStateException("store down"));
    }

    @Override
    public CompletionStage<List<Bar>> last(Symbol symbol, Duration interval, int n) {
      return CompletableFuture.failedFuture(new IllegalStateException("store down"));
    }

    @Override
    public CompletionStage<Optional<Bar>> latest(Symbol symbol, Duration interval) {
      return CompletableFuture.failedFuture(new IllegalStateException("store down"));
    }

    @Override
    public void close() {}
  }
}
