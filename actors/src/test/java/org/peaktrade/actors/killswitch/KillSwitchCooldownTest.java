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
import org.peaktrade.engine.killswitch.KillSwitchRecord;
import org.peaktrade.protocol.killswitch.KillSwitchEvent;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchState;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.TriggerKind;

/** The cooldown timer under ManualTime, with the entity's clock moved in step with the scheduler. */
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
    final EventSourcedBehaviorTestKit<KillSwitch.Command, KillSwitchEvent, KillSwitchRecord> kit =
        EventSourcedBehaviorTestKit.create(testKit.system(), KillSwitch.create(scope, settings(), clock,
            topic.getRef()));
    final KillSwitchStatus recovering;

    Entity() {
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
  }

  @Test
  void theStatusIsPublishedAgainWhenTheCooldownElapses() {
    Entity entity = new Entity();
    assertThat(entity.recovering.cooldownEndsAt()).isEqualTo(T0.plusSeconds(300));

    entity.timePasses(Duration.ofSeconds(299));
    entity.topic.expectNoMessage(QUIET);
    entity.timePasses(Duration.ofSeconds(1));

    entity.topic.expectMessage(Topic.publish(entity.recovering));
    KillSwitchReply completed = entity.kit.<KillSwitchReply>runCommand(replyTo -> new KillSwitch.CompleteRecovery(
        "carol", List.of(), replyTo)).reply();
    assertThat(completed.accepted()).isTrue();
    assertThat(completed.status().state()).isEqualTo(KillSwitchState.ACTIVE);
  }

  @Test
  void aRestartDuringTheCooldownArmsTheTimerForTheRemainder() {
    Entity entity = new Entity();
    entity.timePasses(Duration.ofSeconds(100));

    entity.kit.restart();
    entity.topic.expectMessage(Topic.publish(entity.recovering));
    entity.timePasses(Duration.ofSeconds(199));
    entity.topic.expectNoMessage(QUIET);
    entity.timePasses(Duration.ofSeconds(1));

    entity.topic.expectMessage(Topic.publish(entity.recovering));
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
