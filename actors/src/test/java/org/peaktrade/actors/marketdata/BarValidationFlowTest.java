package org.peaktrade.actors.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.actors.fixtures.Bars.minute;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peaktrade.actors.fixtures.AdvanceableClock;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.engine.marketdata.BarValidator.Reason;
import org.peaktrade.protocol.Bar;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BarValidationFlowTest {
  private final ActorTestKit testKit = ActorTestKit.create();

  @AfterAll
  void shutDown() {
    testKit.shutdownTestKit();
  }

  private List<Bar> validate(List<Bar> input, FeedStats stats, TestProbe<FeedNotice> notices) throws Exception {
    RejectionLog log = new RejectionLog(Duration.ofSeconds(10), new AdvanceableClock(Bars.T0), line -> { });
    return Source.from(input)
        .via(BarValidationFlow.create(stats, notices.getRef()::tell, log))
        .runWith(Sink.seq(), testKit.system())
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void dropsDuplicateAndOutOfOrderBarsAndTellsTheSideChannel() throws Exception {
    FeedStats stats = new FeedStats();
    TestProbe<FeedNotice> notices = testKit.createTestProbe();

    List<Bar> passed = validate(List.of(minute(0), minute(1), minute(1), minute(0), minute(2)), stats, notices);

    assertThat(passed).containsExactly(minute(0), minute(1), minute(2));
    assertThat(notices.receiveMessage()).isInstanceOfSatisfying(FeedNotice.Rejected.class,
        rejected -> assertThat(rejected.reason()).isEqualTo(Reason.DUPLICATE));
    assertThat(notices.receiveMessage()).isInstanceOfSatisfying(FeedNotice.Rejected.class,
        rejected -> assertThat(rejected.reason()).isEqualTo(Reason.OUT_OF_ORDER));
    notices.expectNoMessage(Duration.ofMillis(50));
    assertThat(stats.accepted()).isEqualTo(3);
    assertThat(stats.rejected(Reason.DUPLICATE)).isEqualTo(1);
    assertThat(stats.rejected(Reason.OUT_OF_ORDER)).isEqualTo(1);
  }

  @Test
  void remembersTheCloseTimeOfTheNewestAcceptedBarOfEachSymbol() throws Exception {
    FeedStats stats = new FeedStats();

    validate(List.of(minute(0), minute(2), minute(1)), stats, testKit.createTestProbe());

    assertThat(stats.lastCloseTimes()).isEqualTo(Map.of(Bars.BTC, minute(2).closeTime()));
  }

  @Test
  void passesTheBarAfterAGapAndReportsTheGap() throws Exception {
    FeedStats stats = new FeedStats();
    TestProbe<FeedNotice> notices = testKit.createTestProbe();

    List<Bar> passed = validate(List.of(minute(0), minute(3)), stats, notices);

    assertThat(passed).containsExactly(minute(0), minute(3));
    notices.expectMessage(new FeedNotice.GapDetected(Bars.BTC, minute(0).closeTime(), minute(3).openTime()));
    assertThat(stats.gaps()).isEqualTo(1);
  }
}
