package org.peaktrade.engine.killswitch;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peaktrade.protocol.killswitch.HealthCheckResult;
import org.peaktrade.protocol.killswitch.KillSwitchEvent;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchState;
import org.peaktrade.protocol.killswitch.RefusalReason;
import org.peaktrade.protocol.killswitch.TriggerKind;

class KillSwitchRecordTest {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  private static final char[] CODE = "open sesame 42".toCharArray();
  private static final KillSwitchPolicy POLICY = new KillSwitchPolicy(Duration.ofSeconds(300), 3,
      Duration.ofMinutes(15), Duration.ofMinutes(15), true, true,
      ApprovalCodeHash.create(CODE, 10_000, new SecureRandom()));
  private static final List<HealthCheckResult> HEALTHY = List.of(new HealthCheckResult("journal", true, "ok"));

  private static KillSwitchRecord killed() {
    KillSwitchRecord active = KillSwitchRecord.initial(KillSwitchScope.GLOBAL);
    return active.apply(active.decideTrigger(TriggerKind.MANUAL, "ops@desk", "runaway orders", Map.of(), T0));
  }

  private static KillSwitchRecord recovering() {
    KillSwitchRecord killed = killed();
    return killed.apply(killed.decideRecoveryRequest("alice", CODE, POLICY, T0.plusSeconds(10)));
  }

  @Test
  void aTriggerKillsAnActiveSwitch() {
    KillSwitchRecord record = killed();

    assertThat(record.state()).isEqualTo(KillSwitchState.KILLED);
    assertThat(record.since()).isEqualTo(T0);
    assertThat(record.status().reason()).isEqualTo("runaway orders");
    assertThat(record.status().triggerKind()).isEqualTo(TriggerKind.MANUAL);
    assertThat(record.revision()).isEqualTo(1);
  }

  @Test
  void aRepeatedTriggerWhileKilledIsRecordedAndChangesNothing() {
    KillSwitchRecord killed = killed();

    KillSwitchEvent event = killed.decideTrigger(TriggerKind.WATCHDOG, "watchdog", "feed stale", Map.of(), T0);
    KillSwitchRecord after = killed.apply(event);

    assertThat(event).isInstanceOf(KillSwitchEvent.TriggerRepeated.class);
    assertThat(after.state()).isEqualTo(KillSwitchState.KILLED);
    assertThat(after.since()).isEqualTo(killed.since());
    assertThat(after.reason()).isEqualTo("runaway orders");
    assertThat(after.revision()).isEqualTo(2);
    assertThat(after.replyTo(event).accepted()).isTrue();
  }

  @Test
  void aValidCodeStartsRecoveryWithTheCooldownFromTheRequest() {
    KillSwitchRecord record = recovering();

    assertThat(record.state()).isEqualTo(KillSwitchState.RECOVERING);
    assertThat(record.cooldownEndsAt()).isEqualTo(T0.plusSeconds(310));
    assertThat(record.recoveryRequestedBy()).isEqualTo("alice");
  }

  @Test
  void aTriggerWhileRecoveringReturnsToKilled() {
    KillSwitchRecord recovering = recovering();

    KillSwitchRecord after = recovering.apply(
        recovering.decideTrigger(TriggerKind.THRESHOLD, "risk:max_drawdown_pct", "drawdown 16%", Map.of(), T0));

    assertThat(after.state()).isEqualTo(KillSwitchState.KILLED);
    assertThat(after.cooldownEndsAt()).isNull();
  }

  @Test
  void recoveryWhileActiveIsRefusedAsWrongState() {
    KillSwitchRecord active = KillSwitchRecord.initial(KillSwitchScope.GLOBAL);

    KillSwitchEvent event = active.decideRecoveryRequest("alice", CODE, POLICY, T0);

    assertThat(event).isInstanceOf(KillSwitchEvent.CommandRefused.class);
    assertThat(((KillSwitchEvent.CommandRefused) event).reason()).isEqualTo(RefusalReason.WRONG_STATE);
    assertThat(active.apply(event).state()).isEqualTo(KillSwitchState.ACTIVE);
  }

  @Test
  void aBadCodeIsRejectedAndTheThirdWithinTheWindowLocksOut() {
    KillSwitchRecord record = killed();
    char[] wrong = "not the code".toCharArray();
    for (int i = 1; i <= 2; i++) {
      KillSwitchEvent event = record.decideRecoveryRequest("mallory", wrong, POLICY, T0.plusSeconds(i));
      assertThat(((KillSwitchEvent.ApprovalCodeRejected) event).lockedUntil()).isNull();
      record = record.apply(event);
    }
    KillSwitchEvent third = record.decideRecoveryRequest("mallory", wrong, POLICY, T0.plusSeconds(3));
    record = record.apply(third);

    assertThat(((KillSwitchEvent.ApprovalCodeRejected) third).lockedUntil()).isEqualTo(T0.plusSeconds(903));
    assertThat(record.replyTo(third).refusal()).isEqualTo(RefusalReason.BAD_APPROVAL_CODE);
    KillSwitchEvent whileLocked = record.decideRecoveryRequest("alice", CODE, POLICY, T0.plusSeconds(60));
    assertThat(((KillSwitchEvent.CommandRefused) whileLocked).reason()).isEqualTo(RefusalReason.LOCKED_OUT);
    KillSwitchEvent afterLockout = record.decideRecoveryRequest("alice", CODE, POLICY, T0.plusSeconds(903));
    assertThat(afterLockout).isInstanceOf(KillSwitchEvent.RecoveryRequested.class);
  }

  @Test
  void failuresOutsideTheWindowDoNotCountTowardsALockout() {
    KillSwitchRecord record = killed();
    char[] wrong = "not the code".toCharArray();
    record = record.apply(record.decideRecoveryRequest("m", wrong, POLICY, T0));
    record = record.apply(record.decideRecoveryRequest("m", wrong, POLICY, T0.plusSeconds(1)));

    KillSwitchEvent late = record.decideRecoveryRequest("m", wrong, POLICY, T0.plus(Duration.ofMinutes(20)));

    assertThat(((KillSwitchEvent.ApprovalCodeRejected) late).lockedUntil()).isNull();
  }

  @Test
  void completionBeforeTheCooldownIsRefusedWithTheRemainingTime() {
    KillSwitchRecord record = recovering();

    KillSwitchEvent event = record.decideRecoveryCompletion("bob", HEALTHY, POLICY, T0.plusSeconds(250));

    KillSwitchEvent.CommandRefused refused = (KillSwitchEvent.CommandRefused) event;
    assertThat(refused.reason()).isEqualTo(RefusalReason.COOLDOWN_NOT_OVER);
    assertThat(refused.detail()).contains("60 s remaining");
  }

  @Test
  void theTwoPersonRuleRefusesTheRequesterAsCompleter() {
    KillSwitchEvent event = recovering().decideRecoveryCompletion("alice", HEALTHY, POLICY, T0.plusSeconds(400));

    assertThat(((KillSwitchEvent.CommandRefused) event).reason()).isEqualTo(RefusalReason.SAME_PERSON);
  }

  @Test
  void aFailedHealthCheckRefusesCompletionNamingIt() {
    List<HealthCheckResult> sick = List.of(new HealthCheckResult("journal", true, "ok"),
        new HealthCheckResult("market-data", false, "BTC/USD last bar 95 s ago"));

    KillSwitchEvent event = recovering().decideRecoveryCompletion("bob", sick, POLICY, T0.plusSeconds(400));

    KillSwitchEvent.CommandRefused refused = (KillSwitchEvent.CommandRefused) event;
    assertThat(refused.reason()).isEqualTo(RefusalReason.HEALTH_CHECK_FAILED);
    assertThat(refused.detail()).contains("market-data: BTC/USD last bar 95 s ago");
  }

  @Test
  void noHealthChecksAtAllIsAFailureNotAPass() {
    KillSwitchEvent event = recovering().decideRecoveryCompletion("bob", List.of(), POLICY, T0.plusSeconds(400));

    assertThat(((KillSwitchEvent.CommandRefused) event).reason()).isEqualTo(RefusalReason.HEALTH_CHECK_FAILED);
  }

  @Test
  void aSecondPersonAfterTheCooldownWithHealthyChecksReactivates() {
    KillSwitchRecord record = recovering();
    KillSwitchEvent event = record.decideRecoveryCompletion("bob", HEALTHY, POLICY, T0.plusSeconds(310));
    KillSwitchRecord active = record.apply(event);

    assertThat(active.state()).isEqualTo(KillSwitchState.ACTIVE);
    assertThat(active.since()).isEqualTo(T0.plusSeconds(310));
    assertThat(active.status().allowsTrading()).isTrue();
    assertThat(active.revision()).isEqualTo(3);
  }

  @Test
  void blankIdentityOrReasonIsInvalid() {
    KillSwitchRecord active = KillSwitchRecord.initial(KillSwitchScope.GLOBAL);

    KillSwitchEvent event = active.decideTrigger(TriggerKind.MANUAL, " ", "why", Map.of(), T0);

    assertThat(((KillSwitchEvent.CommandRefused) event).reason()).isEqualTo(RefusalReason.INVALID);
  }
}
