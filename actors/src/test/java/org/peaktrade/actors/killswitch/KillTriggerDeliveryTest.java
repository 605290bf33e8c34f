package org.peaktrade.actors.killswitch;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peaktrade.actors.fixtures.Polling;
import org.peaktrade.actors.fixtures.RecordingKillSwitchService;
import org.peaktrade.actors.fixtures.RecordingKillSwitchService.TriggerCall;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.TriggerKind;

/**
 * Delivery of automatic kill triggers under ManualTime, without jitter ({@code random-factor = 0}), so each retry is
 * due exactly at min-backoff * 2^(attempt-1), capped at max-backoff (1 s and 30 s by default). The node's
 * {@link KillTriggerStats} is shared by the test kit, so each test reads it as differences.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
class KillTriggerDeliveryTest {
  private static final Duration AWAIT = Duration.ofSeconds(10);
  private static final KillSwitchScope S1 = KillSwitchScope.session("s1");

  @JUnit5TestKit
  final ActorTestKit testKit = new JUnit5TestKitBuilder().withCustomConfig(ManualTime.config()
      .withFallback(ConfigFactory.parseString("peaktrade.kill-trigger-delivery.random-factor = 0"))
      .withFallback(ConfigFactory.load())).build();

  private ManualTime time;
  private KillTriggerStats stats;

  @BeforeAll
  void start() {
    time = ManualTime.get(testKit.system());
    stats = KillTriggerStats.get(testKit.system());
  }

  private static KillTriggerDelivery.Deliver trigger(TriggerSource source, String identity) {
    return new KillTriggerDelivery.Deliver(source, S1, TriggerKind.THRESHOLD, identity, "daily loss -6%",
        Map.of("value", "-0.06"));
  }

  @Test
  void retriesADroppedTriggerUntilTheSwitchRecordsIt() throws InterruptedException {
    RecordingKillSwitchService service = new RecordingKillSwitchService();
    service.failNextTriggers(3);
    long attemptsBefore = stats.attempts(TriggerSource.RISK_BREACH);
    long failuresBefore = stats.failures(TriggerSource.RISK_BREACH);
    ActorRef<KillTriggerDelivery.Command> delivery = testKit.spawn(KillTriggerDelivery.create(service));

    delivery.tell(trigger(TriggerSource.RISK_BREACH, "risk:max_daily_loss"));
    int failed = 0;
    for (Duration backoff : List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4))) {
      awaitFailures(TriggerSource.RISK_BREACH, failuresBefore, ++failed);
      time.timePasses(backoff);
    }
    Polling.until("the trigger recorded", AWAIT, () -> service.recordedTriggers().size() == 1);

    assertThat(service.triggers()).hasSize(4).containsOnly(service.recordedTriggers().get(0));
    assertThat(service.recordedTriggers().get(0)).isEqualTo(new TriggerCall(S1, TriggerKind.THRESHOLD,
        "risk:max_daily_loss", "daily loss -6%", Map.of("value", "-0.06")));
    assertThat(stats.attempts(TriggerSource.RISK_BREACH) - attemptsBefore).isEqualTo(4);
    assertThat(stats.failures(TriggerSource.RISK_BREACH) - failuresBefore).isEqualTo(3);
    Polling.until("nothing pending", AWAIT, () -> stats.pending(TriggerSource.RISK_BREACH) == 0);
  }

  @Test
  void keepsRetryingATriggerThatKeepsFailingWithGrowingCappedDelays() throws InterruptedException {
    RecordingKillSwitchService service = new RecordingKillSwitchService();
    service.failTriggers(new IllegalStateException("journal full"));
    long pendingBefore = stats.pending(TriggerSource.WATCHDOG_STALE_DATA);
    long failuresBefore = stats.failures(TriggerSource.WATCHDOG_STALE_DATA);
    ActorRef<KillTriggerDelivery.Command> delivery = testKit.spawn(KillTriggerDelivery.create(service));

    delivery.tell(trigger(TriggerSource.WATCHDOG_STALE_DATA, "watchdog:market-data:BTC/USD"));
    Polling.until("the first attempt", AWAIT, () -> service.triggers().size() == 1);
    for (long seconds : new long[] {1, 2, 4, 8, 16, 30, 30, 30}) {
      int attempts = service.triggers().size();
      awaitFailures(TriggerSource.WATCHDOG_STALE_DATA, failuresBefore, attempts);
      time.timePasses(Duration.ofSeconds(seconds).minusMillis(1));
      testKit.createTestProbe().expectNoMessage(Duration.ofMillis(100));
      assertThat(service.triggers()).as("attempts 1 ms before the retry due after %d s", seconds)
          .hasSize(attempts);
      time.timePasses(Duration.ofMillis(1));
      Polling.until("the retry due after " + seconds + " s", AWAIT,
          () -> service.triggers().size() == attempts + 1);
    }

    assertThat(service.recordedTriggers()).isEmpty();
    assertThat(stats.pending(TriggerSource.WATCHDOG_STALE_DATA) - pendingBefore).isEqualTo(1);
  }

  @Test
  void aTriggerAskedAgainWhileStillPendingIsNotQueuedTwice() throws InterruptedException {
    RecordingKillSwitchService service = new RecordingKillSwitchService();
    service.failNextTriggers(1);
    long failuresBefore = stats.failures(TriggerSource.EXCHANGE_CONNECTIVITY);
    ActorRef<KillTriggerDelivery.Command> delivery = testKit.spawn(KillTriggerDelivery.create(service));

    delivery.tell(trigger(TriggerSource.EXCHANGE_CONNECTIVITY, "external:exchange-connectivity:kraken"));
    Polling.until("the first attempt", AWAIT, () -> service.triggers().size() == 1);
    delivery.tell(trigger(TriggerSource.EXCHANGE_CONNECTIVITY, "external:exchange-connectivity:kraken"));
    awaitFailures(TriggerSource.EXCHANGE_CONNECTIVITY, failuresBefore, 1);
    time.timePasses(Duration.ofSeconds(1));
    Polling.until("the trigger recorded", AWAIT, () -> service.recordedTriggers().size() == 1);

    assertThat(service.triggers()).hasSize(2);
  }

  @Test
  void releasesItsPendingTriggersFromTheGaugeWhenItStops() throws InterruptedException {
    RecordingKillSwitchService service = new RecordingKillSwitchService();
    service.failTriggers(new IllegalStateException("journal full"));
    long pendingBefore = stats.pending(TriggerSource.WATCHDOG_RESTART_BUDGET);
    ActorRef<KillTriggerDelivery.Command> delivery = testKit.spawn(KillTriggerDelivery.create(service));

    delivery.tell(trigger(TriggerSource.WATCHDOG_RESTART_BUDGET, "watchdog:restart-budget:feed"));
    Polling.until("the trigger pending", AWAIT,
        () -> stats.pending(TriggerSource.WATCHDOG_RESTART_BUDGET) - pendingBefore == 1);
    testKit.stop(delivery);

    Polling.until("the gauge released", AWAIT,
        () -> stats.pending(TriggerSource.WATCHDOG_RESTART_BUDGET) == pendingBefore);
  }

  /** {@code count} failures of {@code source} since {@code base} were handled, so their retry timers are set. */
  private void awaitFailures(TriggerSource source, long base, int count) throws InterruptedException {
    Polling.until(count + " failed attempt(s)", AWAIT, () -> stats.failures(source) - base >= count);
  }
}
