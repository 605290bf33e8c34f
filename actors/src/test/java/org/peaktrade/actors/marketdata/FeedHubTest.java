package org.peaktrade.actors.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.actors.fixtures.Bars.minute;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.SinkQueueWithCancel;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peaktrade.protocol.Bar;

/**
 * A 5,000-bar burst is far faster than any real feed, so in the stalled-subscriber test the fast subscriber
 * may lose bars too; what it must do is reach the end while the stalled one sits on a full buffer.
 *
 * <p>Subscribers only see bars published after they attached, and attaching is asynchronous. So each test first
 * publishes warm-up bars (negative minutes) until every subscriber has seen one, then the real bars.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedHubTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final ActorTestKit testKit = ActorTestKit.create();
  private final AtomicLong nextWarmUp = new AtomicLong(-1_000_000);
  private BoundedSourceQueue<Bar> warmUps;
  private FeedHub<Bar> hub;

  @AfterAll
  void shutDown() {
    testKit.shutdownTestKit();
  }

  private static List<Bar> minutes(int count) {
    return LongStream.range(0, count).mapToObj(m -> minute(m)).toList();
  }

  private void startHub(List<Bar> realBars, int subscriberBuffer) {
    Pair<BoundedSourceQueue<Bar>, Source<Bar, NotUsed>> queue = Source.<Bar>queue(16).preMaterialize(testKit.system());
    warmUps = queue.first();
    hub = FeedHub.start(queue.second().concat(Source.from(realBars)), subscriberBuffer,
        Materializer.matFromSystem(testKit.system()));
  }

  private void warmUpUntilAttached(Queue<?>... seen) {
    testKit.createTestProbe().awaitAssert(TIMEOUT, () -> {
      warmUps.offer(minute(nextWarmUp.getAndIncrement()));
      for (Queue<?> subscriber : seen) {
        assertThat(subscriber).isNotEmpty();
      }
      return null;
    });
    warmUps.complete();
  }

  private CompletionStage<Done> collect(Queue<Bar> into) {
    return hub.subscribe().runWith(Sink.foreach(into::add), testKit.system());
  }

  private static List<Bar> realBarsIn(Queue<Bar> received) {
    return received.stream().filter(bar -> !bar.openTime().isBefore(minute(0).openTime())).toList();
  }

  @Test
  void deliversEveryBarToEachOfTwoSubscribersInOrder() throws Exception {
    List<Bar> realBars = minutes(500);
    startHub(realBars, FeedHub.DEFAULT_SUBSCRIBER_BUFFER);
    Queue<Bar> first = new ConcurrentLinkedQueue<>();
    Queue<Bar> second = new ConcurrentLinkedQueue<>();
    CompletionStage<Done> firstDone = collect(first);
    CompletionStage<Done> secondDone = collect(second);

    warmUpUntilAttached(first, second);
    firstDone.toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    secondDone.toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

    assertThat(realBarsIn(first)).isEqualTo(realBars);
    assertThat(realBarsIn(second)).isEqualTo(realBars);
  }

  @Test
  void aStalledSubscriberLosesItsOldestBarsWithoutSlowingAFastOne() throws Exception {
    List<Bar> realBars = minutes(5_000);
    startHub(realBars, 8);
    Queue<Bar> fast = new ConcurrentLinkedQueue<>();
    Queue<Bar> reachedStalled = new ConcurrentLinkedQueue<>();
    CompletionStage<Done> fastDone = collect(fast);
    SinkQueueWithCancel<Bar> stalled = hub.subscribe().map(bar -> {
      reachedStalled.add(bar);
      return bar;
    }).runWith(Sink.queue(), testKit.system());

    warmUpUntilAttached(fast, reachedStalled);
    fastDone.toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

    assertThat(fast).contains(realBars.get(realBars.size() - 1));
    assertThat(reachedStalled).doesNotContain(realBars.get(realBars.size() - 1));
    assertThat(hub.dropped()).isGreaterThan(realBars.size() - 100L);
    stalled.cancel();
  }
}
