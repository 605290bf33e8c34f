package org.peaktrade.actors.killswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.POLICY;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.T0;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.approved;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.freshScope;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.settings;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.SnapshotMeta;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peaktrade.actors.fixtures.AdvanceableClock;
import org.peaktrade.engine.killswitch.ApprovalVerdict;
import org.peaktrade.engine.killswitch.KillSwitchRecord;
import org.peaktrade.protocol.killswitch.HealthCheckResult;
import org.peaktrade.protocol.killswitch.KillSwitchEvent;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.ApprovalCodeRejected;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.CommandRefused;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.RecoveryLockedOut;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.RecoveryCompleted;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.RecoveryRequested;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.Triggered;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.TriggerRepeated;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchState;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.RefusalReason;
import org.peaktrade.protocol.killswitch.TriggerKind;

/**
 * The entity over the in-memory persistence testkit with serialization checks on: every command, event, reply and
 * snapshot round-trips through Jackson CBOR.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KillSwitchTest {
  static final Config CONFIG = EventSourcedBehaviorTestKit.config()
      .withFallback(PersistenceTestKitSnapshotPlugin.config())
      .withFallback(ConfigFactory.load());
  static final Map<String, String> METADATA = Map.of("metric", "drawdown", "observed", "0.21");
  static final List<HealthCheckResult> HEALTHY = List.of(new HealthCheckResult("journal-writable", true, "ok"));

  private final ActorTestKit testKit = ActorTestKit.create(CONFIG);

  @AfterAll
  void shutdown() {
    testKit.shutdownTestKit();
  }

  /** One fresh entity with its own scope, clock and status-topic probe. */
  private final class Entity {
    final KillSwitchScope scope = freshScope();
    final AdvanceableClock clock = new AdvanceableClock(T0);
    final TestProbe<Topic.Command<KillSwitchStatus>> topic = testKit.createTestProbe();
    final EventSourcedBehaviorTestKit<KillSwitch.Command, KillSwitchEvent, KillSwitchRecord> kit;

    Entity(KillSwitchSettings settings) {
      kit = EventSourcedBehaviorTestKit.create(testKit.system(),
          KillSwitch.create(scope, settings, clock, clock, topic.getRef()));
      expectPublished(KillSwitchStatus.initial(scope, Instant.EPOCH));
    }

    Entity() {
      this(settings());
    }

    CommandResultWithReply<KillSwitch.Command, KillSwitchEvent, KillSwitchRecord, KillSwitchReply> trigger(
        String identity, String reason) {
      return kit.runCommand(replyTo -> new KillSwitch.Trigger(TriggerKind.MANUAL, identity, reason, METADATA,
          replyTo));
    }

    CommandResultWithReply<KillSwitch.Command, KillSwitchEvent, KillSwitchRecord, KillSwitchReply> request(
        String approver, ApprovalVerdict verdict) {
      return kit.runCommand(replyTo -> new KillSwitch.RequestRecovery(approver, verdict, replyTo));
    }

    CommandResultWithReply<KillSwitch.Command, KillSwitchEvent, KillSwitchRecord, KillSwitchReply> complete(
        String identity, List<HealthCheckResult> health) {
      return kit.runCommand(replyTo -> new KillSwitch.CompleteRecovery(identity, health, replyTo));
    }

    KillSwitchStatus status() {
      return kit.<KillSwitchStatus>runCommand(KillSwitch.GetStatus::new).reply();
    }

    void expectPublished(KillSwitchStatus status) {
      topic.expectMessage(Topic.publish(status));
    }

    Entity killed() {
      trigger("alice", "drawdown 21%");
      topic.receiveMessage();
      return this;
    }

    Entity recovering() {
      killed();
      request("bob", approved("bob"));
      topic.receiveMessage();
      return this;
    }
  }

  private static KillSwitchStatus killedStatus(KillSwitchScope scope, long revision) {
    return new KillSwitchStatus(scope, KillSwitchState.KILLED, T0, revision, TriggerKind.MANUAL, "alice",
        "drawdown 21%", null, null, null);
  }

  private static KillSwitchStatus recoveringStatus(KillSwitchScope scope, long revision) {
    return recoveringStatus(scope, revision, Duration.ofSeconds(300));
  }

  /** With the clock (which is the ticker here) moved on, so {@code remaining} is left of the cooldown. */
  private static KillSwitchStatus recoveringStatus(KillSwitchScope scope, long revision, Duration remaining) {
    return new KillSwitchStatus(scope, KillSwitchState.RECOVERING, T0, revision, TriggerKind.MANUAL, "alice",
        "drawdown 21%", "bob", T0.plusSeconds(300), remaining);
  }

  @Test
  void aTriggerKillsTheSwitchRepliesAcceptedAndPublishesTheNewStatus() {
    Entity entity = new Entity();

    var result = entity.trigger("alice", "drawdown 21%");

    assertThat(result.event()).isEqualTo(
        new Triggered(TriggerKind.MANUAL, "alice", "drawdown 21%", METADATA, T0));
    assertThat(result.reply()).isEqualTo(KillSwitchReply.accepted("killed: drawdown 21%", killedStatus(entity.scope, 1)));
    entity.expectPublished(killedStatus(entity.scope, 1));
    assertThat(entity.status()).isEqualTo(killedStatus(entity.scope, 1));
  }

  @Test
  void aRepeatedTriggerIsJournaledButKeepsTheKillInForce() {
    Entity entity = new Entity().killed();
    entity.clock.advance(Duration.ofSeconds(5));

    var result = entity.kit.<KillSwitchReply>runCommand(replyTo -> new KillSwitch.Trigger(TriggerKind.WATCHDOG,
        "watchdog", "heartbeat missing", Map.of(), replyTo));

    assertThat(result.event()).isEqualTo(new TriggerRepeated(TriggerKind.WATCHDOG, "watchdog", "heartbeat missing",
        Map.of(), T0.plusSeconds(5)));
    assertThat(result.reply()).isEqualTo(
        KillSwitchReply.accepted("already killed; trigger recorded", killedStatus(entity.scope, 2)));
    entity.expectPublished(killedStatus(entity.scope, 2));
  }

  @Test
  void anAcceptedCodeStartsTheCooldown() {
    Entity entity = new Entity().killed();

    var result = entity.request("bob", approved("bob"));

    assertThat(result.event()).isEqualTo(new RecoveryRequested("bob", T0, T0.plusSeconds(300)));
    assertThat(result.reply()).isEqualTo(KillSwitchReply.accepted("recovering; cooldown ends at 2026-03-02T10:05:00Z",
        recoveringStatus(entity.scope, 2)));
    entity.expectPublished(recoveringStatus(entity.scope, 2));
  }

  @Test
  void aTriggerWhileRecoveringKillsAgain() {
    Entity entity = new Entity().recovering();
    entity.clock.advance(Duration.ofSeconds(30));

    var result = entity.kit.<KillSwitchReply>runCommand(replyTo -> new KillSwitch.Trigger(TriggerKind.EXTERNAL,
        "kraken-ws", "exchange disconnected", Map.of(), replyTo));

    KillSwitchStatus killedAgain = new KillSwitchStatus(entity.scope, KillSwitchState.KILLED, T0.plusSeconds(30), 3,
        TriggerKind.EXTERNAL, "kraken-ws", "exchange disconnected", null, null, null);
    assertThat(result.event()).isEqualTo(new Triggered(TriggerKind.EXTERNAL, "kraken-ws", "exchange disconnected",
        Map.of(), T0.plusSeconds(30)));
    assertThat(result.reply().status()).isEqualTo(killedAgain);
    entity.expectPublished(killedAgain);
  }

  @Test
  void afterTheCooldownWithHealthyChecksTheSwitchIsActiveAgain() {
    Entity entity = new Entity().recovering();
    entity.clock.advance(Duration.ofSeconds(300));

    var result = entity.complete("carol", HEALTHY);

    KillSwitchStatus active = new KillSwitchStatus(entity.scope, KillSwitchState.ACTIVE, T0.plusSeconds(300), 3, null,
        null, null, null, null, null);
    assertThat(result.event()).isEqualTo(new RecoveryCompleted("carol", T0.plusSeconds(300)));
    assertThat(result.reply()).isEqualTo(KillSwitchReply.accepted("recovered; trading allowed", active));
    entity.expectPublished(active);
  }

  @Test
  void anInvalidTriggerIsRefusedAndJournaled() {
    Entity entity = new Entity();

    var result = entity.trigger("alice", " ");

    assertThat(result.event()).isEqualTo(
        new CommandRefused("trigger", "alice", RefusalReason.INVALID, "reason is required", T0));
    assertThat(result.reply()).isEqualTo(KillSwitchReply.refused(RefusalReason.INVALID, "reason is required",
        new KillSwitchStatus(entity.scope, KillSwitchState.ACTIVE, Instant.EPOCH, 1, null, null, null, null, null,
            null)));
  }

  @Test
  void aRecoveryRequestWhileActiveIsRefusedAsWrongState() {
    Entity entity = new Entity();

    var result = entity.request("bob", approved("bob"));

    assertThat(result.event()).isEqualTo(new CommandRefused("request-recovery", "bob", RefusalReason.WRONG_STATE,
        "recovery can be requested only while KILLED (state is ACTIVE)", T0));
    assertThat(result.reply().refusal()).isEqualTo(RefusalReason.WRONG_STATE);
  }

  @Test
  void aRejectedCodeIsJournaledAndAnsweredAsBadApprovalCode() {
    Entity entity = new Entity().killed();

    var result = entity.request("mallory", new ApprovalVerdict.Rejected("mallory", null));

    assertThat(result.event()).isEqualTo(new ApprovalCodeRejected("mallory", T0, null));
    assertThat(result.reply()).isEqualTo(KillSwitchReply.refused(RefusalReason.BAD_APPROVAL_CODE,
        "wrong approval code", killedStatus(entity.scope, 2)));
  }

  @Test
  void aLockedOutApproverIsJournaledAndAnsweredLockedOutWithTheEndOfTheLockout() {
    Entity entity = new Entity().killed();
    Instant lockedUntil = T0.plus(Duration.ofMinutes(14));

    var result = entity.request("mallory", new ApprovalVerdict.LockedOut("mallory", lockedUntil));

    assertThat(result.event()).isEqualTo(new RecoveryLockedOut("mallory", lockedUntil, T0));
    assertThat(result.reply()).isEqualTo(KillSwitchReply.lockedOut("too many wrong approval codes by mallory "
        + "(counted across every scope); their recovery requests are refused until " + lockedUntil
        + " (840 s remaining)", killedStatus(entity.scope, 2), lockedUntil));
  }

  @Test
  void completingBeforeTheCooldownEndsIsRefusedWithTheRemainingSeconds() {
    Entity entity = new Entity().recovering();
    entity.clock.advance(Duration.ofSeconds(100));

    var result = entity.complete("carol", HEALTHY);

    assertThat(result.event()).isEqualTo(new CommandRefused("complete-recovery", "carol",
        RefusalReason.COOLDOWN_NOT_OVER, "cooldown ends at 2026-03-02T10:05:00Z (200 s remaining)",
        T0.plusSeconds(100)));
    assertThat(result.reply().status()).isEqualTo(recoveringStatus(entity.scope, 3, Duration.ofSeconds(200)));
  }

  @Test
  void underTheTwoPersonRuleTheRequesterCannotComplete() {
    Entity entity = new Entity(settings(POLICY.withTwoPersonRule(true), 100)).recovering();
    entity.clock.advance(Duration.ofSeconds(300));

    var result = entity.complete("bob", HEALTHY);

    assertThat(result.event()).isEqualTo(new CommandRefused("complete-recovery", "bob", RefusalReason.SAME_PERSON,
        "two-person rule: the recovery was requested by bob; another person must complete it", T0.plusSeconds(300)));
  }

  @Test
  void aFailedHealthCheckKeepsTheSwitchRecovering() {
    Entity entity = new Entity().recovering();
    entity.clock.advance(Duration.ofSeconds(300));

    var result = entity.complete("carol", List.of(new HealthCheckResult("market-data", false, "stale 95 s")));

    assertThat(result.event()).isEqualTo(new CommandRefused("complete-recovery", "carol",
        RefusalReason.HEALTH_CHECK_FAILED, "health checks failed: market-data (stale 95 s)", T0.plusSeconds(300)));
    assertThat(result.reply().status().state()).isEqualTo(KillSwitchState.RECOVERING);
    entity.expectPublished(recoveringStatus(entity.scope, 3, Duration.ZERO));
  }

  @Test
  void completingWhileKilledIsRefusedAsWrongState() {
    Entity entity = new Entity().killed();

    var result = entity.complete("carol", HEALTHY);

    assertThat(result.event()).isInstanceOfSatisfying(CommandRefused.class,
        refused -> assertThat(refused.reason()).isEqualTo(RefusalReason.WRONG_STATE));
  }

  @Test
  void askingForTheStatusJournalsNothing() {
    Entity entity = new Entity().killed();

    var result = entity.kit.<KillSwitchStatus>runCommand(KillSwitch.GetStatus::new);

    assertThat(result.hasNoEvents()).isTrue();
    assertThat(result.reply()).isEqualTo(killedStatus(entity.scope, 1));
  }

  @Test
  void aRestartRebuildsTheSameStateAndRepublishesTheStatus() {
    Entity entity = new Entity().recovering();
    KillSwitchRecord before = entity.kit.getState();

    var restarted = entity.kit.restart();

    assertThat(restarted.state()).isEqualTo(before);
    entity.expectPublished(recoveringStatus(entity.scope, 2));
    assertThat(entity.status()).isEqualTo(recoveringStatus(entity.scope, 2));
  }

  @Test
  void snapshotsAreTakenEveryNEventsAndRecoveryStartsFromTheLatest() {
    Entity entity = new Entity(settings(POLICY, 3)).killed();
    entity.request("mallory", new ApprovalVerdict.Rejected("mallory", null));
    entity.request("mallory", new ApprovalVerdict.Rejected("mallory", null));
    entity.request("bob", approved("bob"));
    String persistenceId = KillSwitch.persistenceId(entity.scope).id();

    List<Pair<SnapshotMeta, Object>> snapshots =
        entity.kit.snapshotTestKit().orElseThrow().persistedInStorage(persistenceId);

    assertThat(snapshots).hasSize(1);
    assertThat(snapshots.get(0).first().sequenceNr()).isEqualTo(3);
    assertThat(snapshots.get(0).second()).isEqualTo(new KillSwitchRecord.Killed(3, T0,
        new KillSwitchRecord.Kill(TriggerKind.MANUAL, "alice", "drawdown 21%")));
    KillSwitchRecord current = entity.kit.getState();
    assertThat(entity.kit.restart().state()).isEqualTo(current);
    assertThat(current.status(entity.scope, Duration.ZERO, T0)).isEqualTo(new KillSwitchStatus(entity.scope,
        KillSwitchState.RECOVERING, T0, 4, TriggerKind.MANUAL, "alice", "drawdown 21%", "bob", T0.plusSeconds(300),
        Duration.ofSeconds(300)));
  }

  @Test
  void thePersistenceIdNamesTheEntityTypeAndScope() {
    assertThat(KillSwitch.persistenceId(KillSwitchScope.GLOBAL).id()).isEqualTo("kill-switch|global");
    assertThat(KillSwitch.persistenceId(KillSwitchScope.session("abc")).id()).isEqualTo("kill-switch|session:abc");
  }
}
