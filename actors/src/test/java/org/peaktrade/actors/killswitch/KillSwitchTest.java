package org.peaktrade.actors.killswitch;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peaktrade.actors.fixtures.AdvanceableClock;
import org.peaktrade.engine.killswitch.ApprovalCodeHash;
import org.peaktrade.engine.killswitch.KillSwitchPolicy;
import org.peaktrade.engine.killswitch.KillSwitchRecord;
import org.peaktrade.protocol.killswitch.HealthCheckResult;
import org.peaktrade.protocol.killswitch.KillSwitchEvent;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchState;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.RefusalReason;
import org.peaktrade.protocol.killswitch.TriggerKind;

/**
 * Every transition and refusal of the entity through EventSourcedBehaviorTestKit (which also checks that every
 * command, event, reply and state survives Jackson CBOR), restarts from the journal, snapshots, and the cooldown
 * timer under ManualTime.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KillSwitchTest {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  private static final String CODE = "open sesame 42";
  private static final KillSwitchPolicy POLICY = new KillSwitchPolicy(Duration.ofSeconds(300), 2,
      Duration.ofMinutes(15), Duration.ofMinutes(15), true, true,
      ApprovalCodeHash.create(CODE.toCharArray(), 10_000, new SecureRandom()));
  private static final List<HealthCheckResult> HEALTHY = List.of(new HealthCheckResult("journal", true, "ok"));

  private final ActorTestKit testKit = ActorTestKit.create(EventSourcedBehaviorTestKit.config()
      .withFallback(ManualTime.config()).withFallback(ConfigFactory.load()));
  private final ManualTime manualTime = ManualTime.get(testKit.system());
  private final AtomicInteger ids = new AtomicInteger();
  private AdvanceableClock clock;
  private TestProbe<KillSwitchStatus> published;
  private EventSourcedBehaviorTestKit<KillSwitch.Command, KillSwitchEvent, KillSwitchRecord> kit;

  @BeforeEach
  void freshEntity() {
    clock = new AdvanceableClock(T0);
    published = testKit.createTestProbe();
    ActorRef<Topic.Command<KillSwitchStatus>> topic = testKit.spawn(
        Topic.create(KillSwitchStatus.class, "kill-switch-status-" + ids.incrementAndGet()));
    topic.tell(Topic.subscribe(published.ref()));
    kit = EventSourcedBehaviorTestKit.create(testKit.system(),
        KillSwitch.create(KillSwitchScope.session("s" + ids.get()), POLICY, clock, topic, 3));
  }

  @AfterAll
  void shutdown() {
    testKit.shutdownTestKit();
  }

  private CommandResultWithReply<KillSwitch.Command, KillSwitchEvent, KillSwitchRecord, KillSwitchReply> trigger(
      String identity, String reason) {
    return kit.runCommand(replyTo -> new KillSwitch.Trigger(TriggerKind.MANUAL, identity, reason,
        Map.of("via", "test"), replyTo));
  }

  private CommandResultWithReply<KillSwitch.Command, KillSwitchEvent, KillSwitchRecord, KillSwitchReply> request(
      String approver, String code) {
    return kit.runCommand(replyTo -> new KillSwitch.RequestRecovery(approver, code.toCharArray(), replyTo));
  }

  private CommandResultWithReply<KillSwitch.Command, KillSwitchEvent, KillSwitchRecord, KillSwitchReply> complete(
      String identity, List<HealthCheckResult> health) {
    return kit.runCommand(replyTo -> new KillSwitch.CompleteRecovery(identity, health, replyTo));
  }

  @Test
  void aManualTriggerKillsAndIsJournaledWithIdentityReasonAndTime() {
    var result = trigger("ops@desk", "runaway orders");

    assertThat(result.event()).isEqualTo(new KillSwitchEvent.Triggered(TriggerKind.MANUAL, "ops@desk",
        "runaway orders", Map.of("via", "test"), T0));
    assertThat(result.reply().accepted()).isTrue();
    assertThat(result.state().state()).isEqualTo(KillSwitchState.KILLED);
    assertThat(published.receiveMessage().state()).as("published on start").isEqualTo(KillSwitchState.ACTIVE);
    assertThat(published.receiveMessage().state()).as("published on change").isEqualTo(KillSwitchState.KILLED);
  }

  @Test
  void aRepeatedTriggerIsRecordedButChangesNothing() {
    trigger("ops", "first");
    var again = trigger("watchdog", "second");

    assertThat(again.event()).isInstanceOf(KillSwitchEvent.TriggerRepeated.class);
    assertThat(again.state().reason()).isEqualTo("first");
  }

  @Test
  void everyRefusalIsRepliedWithItsReasonAndJournaled() {
    var wrongState = request("alice", CODE);
    assertThat(wrongState.reply().refusal()).isEqualTo(RefusalReason.WRONG_STATE);
    assertThat(wrongState.event()).isInstanceOf(KillSwitchEvent.CommandRefused.class);

    trigger("ops", "test");
    var badCode = request("mallory", "guess guess");
    assertThat(badCode.reply().refusal()).isEqualTo(RefusalReason.BAD_APPROVAL_CODE);
    var lockedNow = request("mallory", "guess again");
    assertThat(((KillSwitchEvent.ApprovalCodeRejected) lockedNow.event()).lockedUntil())
        .isEqualTo(T0.plus(Duration.ofMinutes(15)));
    assertThat(request("alice", CODE).reply().refusal()).isEqualTo(RefusalReason.LOCKED_OUT);

    clock.advance(Duration.ofMinutes(15));
    assertThat(request("alice", CODE).reply().accepted()).isTrue();
    assertThat(complete("bob", HEALTHY).reply().refusal()).isEqualTo(RefusalReason.COOLDOWN_NOT_OVER);
    clock.advance(Duration.ofSeconds(300));
    assertThat(complete("alice", HEALTHY).reply().refusal()).isEqualTo(RefusalReason.SAME_PERSON);
    assertThat(complete("bob", List.of(new HealthCheckResult("market-data", false, "stale"))).reply().refusal())
        .isEqualTo(RefusalReason.HEALTH_CHECK_FAILED);
    assertThat(trigger(" ", "x").reply().refusal()).isEqualTo(RefusalReason.INVALID);
  }

  @Test
  void theFullRecoveryCycleEndsActive() {
    trigger("ops", "test");
    var requested = request("alice", CODE);
    assertThat(requested.state().state()).isEqualTo(KillSwitchState.RECOVERING);
    assertThat(requested.state().cooldownEndsAt()).isEqualTo(T0.plusSeconds(300));

    clock.advance(Duration.ofSeconds(300));
    var completed = complete("bob", HEALTHY);

    assertThat(completed.event()).isEqualTo(new KillSwitchEvent.RecoveryCompleted("bob", T0.plusSeconds(300)));
    assertThat(completed.state().status().allowsTrading()).isTrue();
  }

  @Test
  void aTriggerWhileRecoveringReturnsToKilled() {
    trigger("ops", "test");
    request("alice", CODE);

    var retrigger = trigger("risk", "drawdown");

    assertThat(retrigger.state().state()).isEqualTo(KillSwitchState.KILLED);
  }

  @Test
  void theStateIncludingRecoveringAndItsCooldownSurvivesARestart() {
    trigger("ops", "test");
    request("alice", CODE);
    KillSwitchRecord before = kit.getState();

    kit.restart();

    assertThat(kit.getState()).isEqualTo(before);
    assertThat(kit.getState().cooldownEndsAt()).isEqualTo(T0.plusSeconds(300));
  }

  @Test
  void aLockoutSurvivesARestart() {
    trigger("ops", "test");
    request("m", "guess guess");
    request("m", "guess again");

    kit.restart();

    assertThat(request("alice", CODE).reply().refusal()).isEqualTo(RefusalReason.LOCKED_OUT);
  }

  @Test
  void snapshotsKeepTheStateAcrossRestartsWithALongHistory() {
    trigger("ops", "test");
    for (int i = 0; i < 10; i++) {
      trigger("ops", "again " + i);
    }
    KillSwitchRecord before = kit.getState();

    kit.restart();

    assertThat(kit.getState()).isEqualTo(before);
    assertThat(kit.getState().revision()).isEqualTo(11);
  }

  @Test
  void theStatusIsPublishedAgainWhenTheCooldownEnds() {
    trigger("ops", "test");
    request("alice", CODE);
    assertThat(published.receiveMessage().state()).isEqualTo(KillSwitchState.ACTIVE);
    assertThat(published.receiveMessage().state()).isEqualTo(KillSwitchState.KILLED);
    assertThat(published.receiveMessage().state()).isEqualTo(KillSwitchState.RECOVERING);

    clock.advance(Duration.ofSeconds(299));
    manualTime.expectNoMessageFor(Duration.ofSeconds(299), published);
    clock.advance(Duration.ofSeconds(1));
    manualTime.timePasses(Duration.ofSeconds(1));

    KillSwitchStatus status = published.receiveMessage();
    assertThat(status.state()).isEqualTo(KillSwitchState.RECOVERING);
    assertThat(status.cooldownEndsAt()).isEqualTo(T0.plusSeconds(300));
  }

  @Test
  void getStatusAnswersWithoutJournaling() {
    trigger("ops", "test");

    var result = kit.<KillSwitchStatus>runCommand(KillSwitch.GetStatus::new);

    assertThat(result.hasNoEvents()).isTrue();
    assertThat(result.reply().state()).isEqualTo(KillSwitchState.KILLED);
    assertThat(result.reply().revision()).isEqualTo(1);
  }
}
