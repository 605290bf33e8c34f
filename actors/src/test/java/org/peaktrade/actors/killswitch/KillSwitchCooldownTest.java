package org.peaktrade.actors.killswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.T0;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.approved;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.freshScope;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.settings;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peaktrade.actors.fixtures.AdvanceableClock;
import org.peaktrade.actors.fixtures.ManualTicker;
import org.peaktrade.engine.killswitch.KillSwitchRecord;
import org.peaktrade.engine.time.Ticker;
import org.peaktrade.protocol.killswitch.KillSwitchEvent;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchState;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.RefusalReason;
import org.peaktrade.protocol.killswitch.TriggerKind;

/**
 * The cooldown on the entity's monotonic ticker: the timer under ManualTime with the clock doubling as the ticker
 * (both move in step with the scheduler), and wall-clock steps and restarts against a separate {@link ManualTicker}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KillSwitchCooldownTest {
  private static final Duration QUIET = Duration.ofMillis(200);

  private final ActorTestKit testKit = ActorTestKit.create(
      ManualTime.config().withFallback(KillSwitchTest.CONFIG));
  private final ManualTime manualTime = ManualTime.get(testKit.system());

  @AfterAll
  void shutdown() {
    testKit.shutdownTestKit();
  }

  private final class Entity {
    final KillSwitchScope scope = freshScope();
    final AdvanceableClock clock = new AdvanceableClock(T0);
    final TestProbe<Topic.Command<KillSwitchStatus>> topic = testKit.createTestProbe();
    final EventSourcedBehaviorTestKit<KillSwitch.Command, KillSwitchEvent, KillSwitchRecord> kit;
    final KillSwitchStatus recovering;

    /** The clock is the ticker too: wall and monotonic time move together. */
    Entity() {
      this(null);
    }

    /** The wall clock and {@code ticker} move separately. */
    Entity(Ticker ticker) {
      kit = EventSourcedBehaviorTestKit.create(testKit.system(), KillSwitch.create(scope, settings(), clock,
          ticker == null ? clock : ticker, topic.getRef()));
      topic.receiveMessage();
      kit.<KillSwitchReply>runCommand(replyTo -> new KillSwitch.Trigger(TriggerKind.MANUAL, "alice", "halt",
          Map.of(), replyTo));
      topic.receiveMessage();
      recovering = kit.<KillSwitchReply>runCommand(replyTo -> new KillSwitch.RequestRecovery("bob", approved("bob"),
          replyTo)).reply().status();
      topic.expectMessage(Topic.publish(recovering));
    }

    void timePasses(Duration duration) {
      clock.advance(duration);
      manualTime.timePasses(duration);
    }

    /** The RECOVERING status with {@code remaining} left (its end, counted from the request, unchanged). */
    KillSwitchStatus recoveringWith(Duration remaining) {
      return new KillSwitchStatus(scope, recovering.state(), recovering.since(), recovering.revision(),
          recovering.triggerKind(), recovering.triggeredBy(), recovering.reason(), recovering.recoveryRequestedBy(),
          recovering.cooldownEndsAt(), remaining);
    }

    KillSwitchReply complete() {
      return kit.<KillSwitchReply>runCommand(replyTo -> new KillSwitch.CompleteRecovery("carol", List.of(), replyTo))
          .reply();
    }

    KillSwitchStatus status() {
      return kit.<KillSwitchStatus>runCommand(KillSwitch.GetStatus::new).reply();
    }
  }

  @Test
  void theStatusIsPublishedAgainWhenTheCooldownElapses() {
    Entity entity = new Entity();
    assertThat(entity.recovering.cooldownEndsAt()).isEqualTo(T0.plusSeconds(300));

    entity.timePasses(Duration.ofSeconds(299));
    entity.topic.expectNoMessage(QUIET);
    entity.timePasses(Duration.ofSeconds(1));

    entity.topic.expectMessage(Topic.publish(entity.recoveringWith(Duration.ZERO)));
    KillSwitchReply completed = entity.complete();
    assertThat(completed.accepted()).isTrue();
    assertThat(completed.status().state()).isEqualTo(KillSwitchState.ACTIVE);
  }

  @Test
  void aRestartDuringTheCooldownArmsTheTimerForTheRemainder() {
    Entity entity = new Entity();
    entity.timePasses(Duration.ofSeconds(100));

    entity.kit.restart();
    entity.topic.expectMessage(Topic.publish(entity.recoveringWith(Duration.ofSeconds(200))));
    entity.timePasses(Duration.ofSeconds(199));
    entity.topic.expectNoMessage(QUIET);
    entity.timePasses(Duration.ofSeconds(1));

    entity.topic.expectMessage(Topic.publish(entity.recoveringWith(Duration.ZERO)));
  }

  @Test
  void refusesCompletionAfterTheWallClockJumpsAnHourForward() {
    ManualTicker ticker = new ManualTicker();
    Entity entity = new Entity(ticker);
    entity.clock.advance(Duration.ofHours(1));
    ticker.advance(Duration.ofSeconds(10));

    KillSwitchReply early = entity.complete();

    assertThat(early.refusal()).isEqualTo(RefusalReason.COOLDOWN_NOT_OVER);
    assertThat(early.detail()).isEqualTo("cooldown ends at 2026-03-02T11:04:50Z (290 s remaining)");
    KillSwitchStatus status = entity.status();
    assertThat(status.cooldownRemaining()).isEqualTo(Duration.ofSeconds(290));
    assertThat(status.cooldownEndsAt()).isEqualTo(entity.recovering.cooldownEndsAt());
    ticker.advance(Duration.ofSeconds(290));
    assertThat(entity.complete().accepted()).isTrue();
  }

  @Test
  void aBackwardWallStepDoesNotStretchTheCooldownBeyondItsLengthOnTheTicker() {
    ManualTicker ticker = new ManualTicker();
    Entity entity = new Entity(ticker);
    entity.clock.advance(Duration.ofHours(-1));
    ticker.advance(Duration.ofSeconds(299));
    assertThat(entity.complete().detail()).endsWith("(1 s remaining)");

    ticker.advance(Duration.ofSeconds(1));

    assertThat(entity.complete().accepted()).isTrue();
  }

  @Test
  void theTimerFollowsTheTickerWhenTheSchedulerFiresEarly() {
    ManualTicker ticker = new ManualTicker();
    Entity entity = new Entity(ticker);
    ticker.advance(Duration.ofSeconds(100));

    manualTime.timePasses(Duration.ofSeconds(300));
    entity.topic.expectMessage(Topic.publish(entity.recoveringWith(Duration.ofSeconds(200))));
    ticker.advance(Duration.ofSeconds(200));
    manualTime.timePasses(Duration.ofSeconds(200));

    entity.topic.expectMessage(Topic.publish(entity.recoveringWith(Duration.ZERO)));
  }

  @Test
  void aRestartMidCooldownCreditsTheWallTimeSinceTheRequestAndCountsTheRestOnTheTicker() {
    ManualTicker ticker = new ManualTicker();
    Entity entity = new Entity(ticker);
    entity.clock.advance(Duration.ofSeconds(100));

    entity.kit.restart();

    assertThat(entity.status()).isEqualTo(entity.recoveringWith(Duration.ofSeconds(200)));
    ticker.advance(Duration.ofSeconds(199));
    assertThat(entity.complete().refusal()).isEqualTo(RefusalReason.COOLDOWN_NOT_OVER);
    ticker.advance(Duration.ofSeconds(1));
    assertThat(entity.complete().accepted()).isTrue();
  }

  @Test
  void aRestartAfterTheWallClockJumpedPastTheCooldownRunsTheFullCooldownAgain() {
    ManualTicker ticker = new ManualTicker();
    Entity entity = new Entity(ticker);
    entity.clock.advance(Duration.ofHours(1));

    entity.kit.restart();

    KillSwitchStatus restarted = entity.status();
    assertThat(restarted.cooldownRemaining()).isEqualTo(Duration.ofSeconds(300));
    assertThat(restarted.cooldownEndsAt()).isEqualTo(Instant.parse("2026-03-02T11:05:00Z"));
    ticker.advance(Duration.ofSeconds(299));
    assertThat(entity.complete().refusal()).isEqualTo(RefusalReason.COOLDOWN_NOT_OVER);
    ticker.advance(Duration.ofSeconds(1));
    assertThat(entity.complete().accepted()).isTrue();
  }

  @Test
  void aRestartAfterTheWallClockSteppedBackBeforeTheRequestRunsTheFullCooldownAgain() {
    ManualTicker ticker = new ManualTicker();
    Entity entity = new Entity(ticker);
    ticker.advance(Duration.ofSeconds(250));
    entity.clock.advance(Duration.ofSeconds(-10));

    entity.kit.restart();

    assertThat(entity.status().cooldownRemaining()).isEqualTo(Duration.ofSeconds(300));
  }

  @Test
  void aTriggerDuringTheCooldownCancelsTheTimer() {
    Entity entity = new Entity();
    entity.timePasses(Duration.ofSeconds(10));
    KillSwitchStatus killed = entity.kit.<KillSwitchReply>runCommand(replyTo -> new KillSwitch.Trigger(
        TriggerKind.WATCHDOG, "watchdog", "heartbeat missing", Map.of(), replyTo)).reply().status();
    entity.topic.expectMessage(Topic.publish(killed));

    entity.timePasses(Duration.ofSeconds(600));

    entity.topic.expectNoMessage(QUIET);
    assertThat(killed.since()).isEqualTo(Instant.parse("2026-03-02T10:00:10Z"));
  }
}
