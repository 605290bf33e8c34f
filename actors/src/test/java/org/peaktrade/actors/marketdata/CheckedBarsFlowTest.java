package org.peaktrade.actors.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.protocol.Bar;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckedBarsFlowTest {
  private final ActorTestKit testKit = ActorTestKit.create();

  @AfterAll
  void shutDown() {
    testKit.shutdownTestKit();
  }

  @Test
  void passesEveryBarOnAndCountsItAsAccepted() throws Exception {
    FeedStats stats = new FeedStats();
    List<Bar> bars = List.of(Bars.minute(0), Bars.minute(1), Bars.minute(5));

    List<Bar> passed = Source.from(bars).via(CheckedBarsFlow.create(stats, failure -> { }))
        .runWith(Sink.seq(), testKit.system()).toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertThat(passed).isEqualTo(bars);
    assertThat(stats.accepted()).isEqualTo(3);
    assertThat(stats.lastCloseTimes()).containsEntry(Bars.BTC, Bars.minute(5).closeTime());
    assertThat(stats.failure()).isEmpty();
  }

  @Test
  void recordsAndTellsAFailureOfTheStream() throws Exception {
    FeedStats stats = new FeedStats();
    CompletableFuture<Throwable> told = new CompletableFuture<>();

    Source.from(List.of(Bars.minute(0), Bars.minute(1))).map(bar -> {
      if (bar.equals(Bars.minute(1))) {
        throw new IllegalStateException("disk gone");
      }
      return bar;
    }).via(CheckedBarsFlow.create(stats, told::complete)).runWith(Sink.ignore(), testKit.system());

    assertThat(told.get(10, TimeUnit.SECONDS)).hasMessage("disk gone");
    assertThat(stats.failure()).contains("java.lang.IllegalStateException: disk gone");
    assertThat(stats.accepted()).isEqualTo(1);
  }
}
