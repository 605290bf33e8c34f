package org.peaktrade.engine.killswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.peaktrade.protocol.killswitch.HealthCheckResult;
import org.peaktrade.protocol.killswitch.KillSwitchEvent;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.ApprovalCodeRejected;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.CommandRefused;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.RecoveryCompleted;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.RecoveryLockedOut;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.RecoveryRequested;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.Triggered;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.TriggerRepeated;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchState;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.RefusalReason;
import org.peaktrade.protocol.killswitch.TriggerKind;

class KillSwitchRecordTest {
  static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
  static final ApprovalCodeHash HASH = ApprovalCodeHash.parse(
      ApprovalCodeHash.create("correct horse".toCharArray(), 1000, new SecureRandom()));
  static final KillSwitchPolicy POLICY = KillSwitchPolicy.defaults(HASH);
  static final ApprovalVerdict ACCEPTED = new ApprovalVerdict.Accepted("bob");
  static final KillSwitchScope SCOPE = KillSwitchScope.GLOBAL;
  static final Map<String, String> METADATA = Map.of("metric", "drawdown", "observed", "0.21");
  static final Duration COOLDOWN = Duration.ofSeconds(300);
  static final List<HealthCheckResult> HEALTHY = List.of(new HealthCheckResult("journal-writable", true, "ok"));

  /** The status of a switch outside a cooldown (nothing elapsed, now = NOW). */
  static KillSwitchStatus statusOf(KillSwitchRecord record) {
    return record.status(SCOPE, Duration.ZERO, NOW);
  }

  static KillSwitchRecord killed() {
    KillSwitchRecord active = KillSwitchRecord.initial();
    return active.apply(active.trigger(TriggerKind.THRESHOLD, "risk-gate", "drawdown 21%", METADATA, NOW));
  }

  static KillSwitchRecord recovering() {
    KillSwitchRecord killed = killed();
    return killed.apply(killed.requestRecovery("bob", ACCEPTED, POLICY, NOW.plusSeconds(60)));
  }

  @Nested
  class Triggering {
    @Test
    void anActiveSwitchIsKilledWithTheTriggerRecorded() {
      KillSwitchRecord active = KillSwitchRecord.initial();

      KillSwitchEvent event = active.trigger(TriggerKind.MANUAL, " alice ", " market halt ", METADATA, NOW);

      assertThat(event).isEqualTo(new Triggered(TriggerKind.MANUAL, "alice", "market halt", METADATA, NOW));
      assertThat(statusOf(active.apply(event))).isEqualTo(new KillSwitchStatus(SCOPE, KillSwitchState.KILLED,
          NOW, 1, TriggerKind.MANUAL, "alice", "market halt", null, null, null));
    }

    @Test
    void aKilledSwitchRecordsTheRepeatedTriggerButKeepsTheKillInForce() {
      KillSwitchRecord killed = killed();

      KillSwitchEvent event = killed.trigger(TriggerKind.WATCHDOG, "watchdog", "heartbeat missing", null,
          NOW.plusSeconds(5));

      assertThat(event).isEqualTo(new TriggerRepeated(TriggerKind.WATCHDOG, "watchdog", "heartbeat missing",
          Map.of(), NOW.plusSeconds(5)));
      assertThat(statusOf(killed.apply(event))).isEqualTo(new KillSwitchStatus(SCOPE, KillSwitchState.KILLED,
          NOW, 2, TriggerKind.THRESHOLD, "risk-gate", "drawdown 21%", null, null, null));
    }

    @Test
    void aRecoveringSwitchIsKilledAgainAndTheCooldownIsDropped() {
      KillSwitchRecord recovering = recovering();
      Instant later = NOW.plusSeconds(120);

      KillSwitchEvent event = recovering.trigger(TriggerKind.EXTERNAL, "kraken-ws", "exchange disconnected",
          Map.of("checks", "3"), later);

      assertThat(event).isEqualTo(new Triggered(TriggerKind.EXTERNAL, "kraken-ws", "exchange disconnected",
          Map.of("checks", "3"), later));
      assertThat(statusOf(recovering.apply(event))).isEqualTo(new KillSwitchStatus(SCOPE,
          KillSwitchState.KILLED, later, 3, TriggerKind.EXTERNAL, "kraken-ws", "exchange disconnected", null, null,
          null));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
        "NULL, alice, halt, trigger kind is required",
        "MANUAL, NULL, halt, identity is required",
        "MANUAL, '  ', halt, identity is required",
        "MANUAL, alice, NULL, reason is required",
        "MANUAL, alice, '', reason is required"})
    void aTriggerWithoutKindIdentityOrReasonIsRefusedAsInvalidInEveryState(TriggerKind kind, String identity,
        String reason, String detail) {
      for (KillSwitchRecord state : List.of(KillSwitchRecord.initial(), killed(), recovering())) {
        KillSwitchEvent event = state.trigger(kind, identity, reason, METADATA, NOW);

        assertThat(event).isEqualTo(new CommandRefused("trigger", identity, RefusalReason.INVALID, detail, NOW));
        assertThat(state.apply(event).state()).isEqualTo(state.state());
      }
    }
  }

  @Nested
  class RequestingRecovery {
    @Test
    void anAcceptedCodeWhileKilledStartsTheCooldownFromTheRequest() {
      KillSwitchRecord killed = killed();
      Instant at = NOW.plusSeconds(60);

      KillSwitchEvent event = killed.requestRecovery("bob", ACCEPTED, POLICY, at);

      assertThat(event).isEqualTo(new RecoveryRequested("bob", at, at.plusSeconds(300)));
      assertThat(killed.apply(event).status(SCOPE, Duration.ZERO, at)).isEqualTo(new KillSwitchStatus(SCOPE,
          KillSwitchState.RECOVERING, at, 2, TriggerKind.THRESHOLD, "risk-gate", "drawdown 21%", "bob",
          at.plusSeconds(300), COOLDOWN));
    }

    @Test
    void aRejectedCodeIsRecordedAndTheSwitchStaysKilled() {
      KillSwitchRecord killed = killed();

      KillSwitchEvent event = killed.requestRecovery("mallory", new ApprovalVerdict.Rejected("mallory", null),
          POLICY, NOW);

      assertThat(event).isEqualTo(new ApprovalCodeRejected("mallory", NOW, null));
      assertThat(killed.apply(event).state()).isEqualTo(KillSwitchState.KILLED);
    }

    @Test
    void theRejectionThatLockedTheApproverOutRecordsWhenTheLockoutEnds() {
      Instant until = NOW.plus(Duration.ofMinutes(15));

      assertThat(killed().requestRecovery("mallory", new ApprovalVerdict.Rejected("mallory", until), POLICY, NOW))
          .isEqualTo(new ApprovalCodeRejected("mallory", NOW, until));
    }

    @Test
    void aLockedOutApproverIsRefusedUntilTheLockoutEnds() {
      KillSwitchRecord killed = killed();
      Instant until = NOW.plusSeconds(300);

      KillSwitchEvent event = killed.requestRecovery("bob", new ApprovalVerdict.LockedOut("bob", until), POLICY,
          NOW);

      assertThat(event).isEqualTo(new RecoveryLockedOut("bob", until, NOW));
      assertThat(killed.apply(event).state()).isEqualTo(KillSwitchState.KILLED);
      assertThat(KillSwitchReplies.reply(event, statusOf(killed.apply(event)))).isEqualTo(
          KillSwitchReply.lockedOut("too many wrong approval codes by bob (counted across every scope); their "
              + "recovery requests are refused until 2026-03-02T10:05:00Z (300 s remaining)",
              statusOf(killed.apply(event)), until));
    }

    @Test
    void anInvalidRequestIsRefusedAsInvalid() {
      assertThat(killed().requestRecovery("bob", new ApprovalVerdict.Invalid("approval code is required"), POLICY,
          NOW)).isEqualTo(
          new CommandRefused("request-recovery", "bob", RefusalReason.INVALID, "approval code is required", NOW));
    }

    @Test
    void aBlankApproverIsRefusedAsInvalid() {
      assertThat(killed().requestRecovery(" ", ACCEPTED, POLICY, NOW)).isEqualTo(
          new CommandRefused("request-recovery", " ", RefusalReason.INVALID, "approver identity is required", NOW));
    }

    @Test
    void whileActiveARequestIsRefusedAsWrongState() {
      assertThat(KillSwitchRecord.initial().requestRecovery("bob", ACCEPTED, POLICY, NOW)).isEqualTo(
          new CommandRefused("request-recovery", "bob", RefusalReason.WRONG_STATE,
              "recovery can be requested only while KILLED (state is ACTIVE)", NOW));
    }

    @Test
    void whileRecoveringASecondRequestIsRefusedAsWrongState() {
      assertThat(recovering().requestRecovery("carol", new ApprovalVerdict.Accepted("carol"), POLICY, NOW)).isEqualTo(
          new CommandRefused("request-recovery", "carol", RefusalReason.WRONG_STATE,
              "recovery was already requested by bob (state is RECOVERING)", NOW));
    }
  }

  @Nested
  class CompletingRecovery {
    final Instant cooldownEnd = NOW.plusSeconds(60 + 300);

    @Test
    void afterTheCooldownWithHealthyChecksTheSwitchIsActiveAgain() {
      KillSwitchRecord recovering = recovering();

      KillSwitchEvent event = recovering.completeRecovery("bob", HEALTHY, POLICY, COOLDOWN, cooldownEnd);

      assertThat(event).isEqualTo(new RecoveryCompleted("bob", cooldownEnd));
      assertThat(statusOf(recovering.apply(event))).isEqualTo(new KillSwitchStatus(SCOPE,
          KillSwitchState.ACTIVE, cooldownEnd, 3, null, null, null, null, null, null));
    }

    @Test
    void beforeTheCooldownEndsItIsRefusedWithTheRemainingSeconds() {
      Instant at = cooldownEnd.minusSeconds(200);

      assertThat(recovering().completeRecovery("bob", HEALTHY, POLICY, Duration.ofSeconds(100), at)).isEqualTo(
          new CommandRefused(
          "complete-recovery", "bob", RefusalReason.COOLDOWN_NOT_OVER,
          "cooldown ends at 2026-03-02T10:06:00Z (200 s remaining)", at));
    }

    @Test
    void theRemainingSecondsAreRoundedUp() {
      Instant at = cooldownEnd.minusMillis(1);

      CommandRefused refused =
          (CommandRefused) recovering().completeRecovery("bob", HEALTHY, POLICY, COOLDOWN.minusMillis(1), at);

      assertThat(refused.detail()).endsWith("(1 s remaining)");
    }

    @Test
    void underTheTwoPersonRuleTheRequesterCannotComplete() {
      KillSwitchPolicy twoPerson = POLICY.withTwoPersonRule(true);

      assertThat(recovering().completeRecovery(" BOB ", HEALTHY, twoPerson, COOLDOWN, cooldownEnd)).isEqualTo(
          new CommandRefused("complete-recovery", "BOB", RefusalReason.SAME_PERSON,
              "two-person rule: the recovery was requested by bob; another person must complete it", cooldownEnd));
    }

    @Test
    void underTheTwoPersonRuleAnotherPersonCompletes() {
      assertThat(recovering().completeRecovery("carol", HEALTHY, POLICY.withTwoPersonRule(true), COOLDOWN,
          cooldownEnd))
          .isEqualTo(new RecoveryCompleted("carol", cooldownEnd));
    }

    @Test
    void aFailedHealthCheckIsRefusedListingEveryFailure() {
      List<HealthCheckResult> health = List.of(new HealthCheckResult("journal-writable", true, "ok"),
          new HealthCheckResult("market-data", false, "last trade 95 s ago"),
          new HealthCheckResult("exchange", false, "no answer within 5000 ms"));

      assertThat(recovering().completeRecovery("bob", health, POLICY, COOLDOWN, cooldownEnd)).isEqualTo(
          new CommandRefused(
          "complete-recovery", "bob", RefusalReason.HEALTH_CHECK_FAILED,
          "health checks failed: market-data (last trade 95 s ago), exchange (no answer within 5000 ms)",
          cooldownEnd));
    }

    @Test
    void theCooldownIsCheckedBeforeTheOtherRules() {
      List<HealthCheckResult> failing = List.of(new HealthCheckResult("exchange", false, "down"));

      CommandRefused refused = (CommandRefused) recovering().completeRecovery("bob", failing,
          POLICY.withTwoPersonRule(true), Duration.ofSeconds(1), NOW.plusSeconds(61));

      assertThat(refused.reason()).isEqualTo(RefusalReason.COOLDOWN_NOT_OVER);
    }

    @Test
    void aRefusedCompletionKeepsTheSwitchRecovering() {
      KillSwitchRecord recovering = recovering();

      KillSwitchRecord after =
          recovering.apply(recovering.completeRecovery("bob", HEALTHY, POLICY, Duration.ZERO, NOW.plusSeconds(60)));

      assertThat(after.status(SCOPE, Duration.ZERO, NOW.plusSeconds(60))).isEqualTo(new KillSwitchStatus(SCOPE,
          KillSwitchState.RECOVERING, NOW.plusSeconds(60), 3, TriggerKind.THRESHOLD, "risk-gate", "drawdown 21%",
          "bob", cooldownEnd, COOLDOWN));
    }

    @Test
    void refusesCompletionAfterTheWallClockJumpsAnHourForward() {
      Instant anHourLater = cooldownEnd.plus(Duration.ofHours(1));

      assertThat(recovering().completeRecovery("bob", HEALTHY, POLICY, Duration.ofSeconds(10), anHourLater))
          .isEqualTo(new CommandRefused("complete-recovery", "bob", RefusalReason.COOLDOWN_NOT_OVER,
              "cooldown ends at 2026-03-02T11:10:50Z (290 s remaining)", anHourLater));
    }

    @Test
    void completesOnceTheCooldownElapsedOnTheTickerEvenIfTheWallClockStepsBackBeforeTheRequest() {
      Instant anHourEarlier = NOW.minus(Duration.ofHours(1));

      assertThat(recovering().completeRecovery("bob", HEALTHY, POLICY, COOLDOWN, anHourEarlier))
          .isEqualTo(new RecoveryCompleted("bob", anHourEarlier));
    }

    @Test
    void theStatusReportsTheRemainderMeasuredOnTheTickerAndTheEndFromTheCooldownsStart() {
      KillSwitchStatus fromTheRequest = recovering().status(SCOPE, Duration.ofSeconds(100), NOW.plusSeconds(60));
      KillSwitchStatus fromARestart = recovering().status(SCOPE, Duration.ofSeconds(100), NOW.plusSeconds(3600));

      assertThat(fromTheRequest.cooldownRemaining()).isEqualTo(Duration.ofSeconds(200));
      assertThat(fromTheRequest.cooldownEndsAt()).isEqualTo(cooldownEnd);
      assertThat(fromARestart.cooldownRemaining()).isEqualTo(Duration.ofSeconds(200));
      assertThat(fromARestart.cooldownEndsAt()).isEqualTo(NOW.plusSeconds(3900));
    }

    @Test
    void theRemainderNeverGoesNegative() {
      KillSwitchRecord.Recovering recovering = (KillSwitchRecord.Recovering) recovering();

      assertThat(recovering.cooldownRemaining(Duration.ofHours(2))).isEqualTo(Duration.ZERO);
      assertThat(recovering.cooldownOverAfter(COOLDOWN)).isTrue();
      assertThat(recovering.cooldownOverAfter(COOLDOWN.minusNanos(1))).isFalse();
    }

    @Test
    void aBlankIdentityIsRefusedAsInvalid() {
      assertThat(recovering().completeRecovery("", HEALTHY, POLICY, COOLDOWN, cooldownEnd)).isEqualTo(
          new CommandRefused("complete-recovery", "", RefusalReason.INVALID, "identity is required", cooldownEnd));
    }

    @Test
    void whileActiveOrKilledItIsRefusedAsWrongState() {
      assertThat(KillSwitchRecord.initial().completeRecovery("bob", HEALTHY, POLICY, Duration.ZERO, NOW)).isEqualTo(
          new CommandRefused("complete-recovery", "bob", RefusalReason.WRONG_STATE,
              "recovery can be completed only while RECOVERING (state is ACTIVE)", NOW));
      assertThat(killed().completeRecovery("bob", HEALTHY, POLICY, Duration.ZERO, NOW)).isEqualTo(
          new CommandRefused("complete-recovery", "bob", RefusalReason.WRONG_STATE,
              "recovery can be completed only while RECOVERING; request recovery first (state is KILLED)", NOW));
    }
  }

  @Nested
  class RestartingDuringTheCooldown {
    @ParameterizedTest(name = "wall time {0} s after the request credits {1} s")
    @CsvSource({
        "-3600, 0",
        "-1, 0",
        "0, 0",
        "100, 100",
        "299, 299",
        "300, 0",
        "3600, 0"})
    void creditsTheWallTimeSinceTheRequestOnlyWhenItIsWithinTheCooldown(long wallSeconds, long creditedSeconds) {
      KillSwitchRecord.Recovering recovering = (KillSwitchRecord.Recovering) recovering();

      assertThat(recovering.cooldownElapsedAtRestart(NOW.plusSeconds(60 + wallSeconds)))
          .isEqualTo(Duration.ofSeconds(creditedSeconds));
    }

    @Test
    void theCooldownIsTheOneRecordedWithTheRequestNotTheCurrentPolicy() {
      KillSwitchRecord killed = killed();
      KillSwitchRecord.Recovering recovering = (KillSwitchRecord.Recovering) killed.apply(killed.requestRecovery(
          "bob", ACCEPTED, new KillSwitchPolicy(Duration.ofSeconds(30), 5, Duration.ofMinutes(15),
              Duration.ofMinutes(15), false, HASH, true), NOW));

      assertThat(recovering.cooldown()).isEqualTo(Duration.ofSeconds(30));
      assertThat(recovering.cooldownElapsedAtRestart(NOW.plusSeconds(45))).isEqualTo(Duration.ZERO);
    }
  }

  @Nested
  class Replaying {
    @Test
    void theInitialSwitchIsActiveSinceTheEpochAtRevisionZero() {
      assertThat(statusOf(KillSwitchRecord.initial())).isEqualTo(KillSwitchStatus.initial(SCOPE, Instant.EPOCH));
    }

    @Test
    void everyEventIncludingRefusalsAdvancesTheRevision() {
      KillSwitchRecord state = KillSwitchRecord.initial();
      state = state.apply(state.requestRecovery("bob", ACCEPTED, POLICY, NOW));
      state = state.apply(state.trigger(TriggerKind.MANUAL, "alice", "halt", Map.of(), NOW));
      state = state.apply(state.trigger(TriggerKind.MANUAL, "alice", "halt", Map.of(), NOW));
      state = state.apply(state.requestRecovery("bob", new ApprovalVerdict.Rejected("bob", null), POLICY, NOW));

      assertThat(state.revision()).isEqualTo(4);
    }

    @Test
    void anEventThatCannotFollowTheStateFailsLoudly() {
      assertThatThrownBy(() -> KillSwitchRecord.initial().apply(new RecoveryCompleted("bob", NOW)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("kill-switch journal is inconsistent: RecoveryCompleted cannot follow ACTIVE at revision 0");
      assertThatThrownBy(() -> killed().apply(new Triggered(TriggerKind.MANUAL, "a", "b", Map.of(), NOW)))
          .isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> recovering().apply(new ApprovalCodeRejected("m", NOW, null)))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void policiesRejectImpossibleSettings() {
    assertThatThrownBy(() -> new KillSwitchPolicy(Duration.ofSeconds(1), 0, Duration.ofMinutes(1),
        Duration.ofMinutes(1), false, HASH, true)).hasMessageContaining("max failed attempts");
    assertThatThrownBy(() -> new KillSwitchPolicy(Duration.ofSeconds(-1), 5, Duration.ofMinutes(1),
        Duration.ofMinutes(1), false, HASH, true)).hasMessageContaining("cooldown");
    assertThatThrownBy(() -> new KillSwitchPolicy(Duration.ofSeconds(1), 5, Duration.ZERO,
        Duration.ofMinutes(1), false, HASH, true)).hasMessageContaining("failure window");
    assertThatThrownBy(() -> new KillSwitchPolicy(Duration.ofSeconds(1), 5, Duration.ofMinutes(1),
        Duration.ofMinutes(1), false, null, true)).hasMessageContaining("approval code hash is required");
  }
}
