package org.peaktrade.engine.killswitch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.peaktrade.protocol.CborSerializable;
import org.peaktrade.protocol.killswitch.HealthCheckResult;
import org.peaktrade.protocol.killswitch.KillSwitchEvent;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchState;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.RefusalReason;
import org.peaktrade.protocol.killswitch.TriggerKind;

/**
 * The kill switch's state and rules, pure and replayable: each {@code decide...} method turns a command into the
 * one event to persist (refusals are events too), {@link #apply} folds an event into the next state, and
 * {@link #replyTo} says what the caller is told. Time is always a parameter. {@code recentFailures} holds the
 * times of bad approval codes since the last successful request, so a lock-out survives a restart.
 */
public record KillSwitchRecord(
    KillSwitchScope scope, KillSwitchState state, Instant since, long revision, TriggerKind triggerKind,
    String triggeredBy, String reason, String recoveryRequestedBy, Instant cooldownEndsAt,
    List<Instant> recentFailures, Instant lockedUntil) implements CborSerializable {

  private static final int MAX_REMEMBERED_FAILURES = 100;

  public KillSwitchRecord {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(since, "since");
    recentFailures = recentFailures == null ? List.of() : List.copyOf(recentFailures);
  }

  /** A switch that has never been used: ACTIVE since the epoch (its journal is empty). */
  public static KillSwitchRecord initial(KillSwitchScope scope) {
    return new KillSwitchRecord(scope, KillSwitchState.ACTIVE, Instant.EPOCH, 0, null, null, null, null, null,
        List.of(), null);
  }

  public KillSwitchStatus status() {
    return new KillSwitchStatus(scope, state, since, revision, triggerKind, triggeredBy, reason, recoveryRequestedBy,
        cooldownEndsAt);
  }

  public KillSwitchEvent decideTrigger(TriggerKind kind, String identity, String why, Map<String, String> metadata,
      Instant now) {
    if (blank(identity) || blank(why)) {
      return refused("trigger", identity, RefusalReason.INVALID, "a trigger needs an identity and a reason", now);
    }
    Map<String, String> meta = metadata == null ? Map.of() : metadata;
    return state == KillSwitchState.KILLED
        ? new KillSwitchEvent.TriggerRepeated(kind, identity, why, meta, now)
        : new KillSwitchEvent.Triggered(kind, identity, why, meta, now);
  }

  public KillSwitchEvent decideRecoveryRequest(String approver, char[] code, KillSwitchPolicy policy, Instant now) {
    if (blank(approver)) {
      return refused("request-recovery", approver, RefusalReason.INVALID, "a recovery request needs an approver", now);
    }
    if (state != KillSwitchState.KILLED) {
      return refused("request-recovery", approver, RefusalReason.WRONG_STATE,
          "recovery can be requested only while KILLED; the switch is " + state, now);
    }
    if (lockedUntil != null && now.isBefore(lockedUntil)) {
      return refused("request-recovery", approver, RefusalReason.LOCKED_OUT,
          "too many bad approval codes: locked out until " + lockedUntil, now);
    }
    boolean codeOk = !policy.approvalCodeRequired() || (code != null && policy.approvalCode().matches(code));
    if (!codeOk) {
      long inWindow = recentFailures.stream().filter(t -> !t.isBefore(now.minus(policy.failureWindow()))).count() + 1;
      Instant lock = inWindow >= policy.maxFailedAttempts() ? now.plus(policy.lockout()) : null;
      return new KillSwitchEvent.ApprovalCodeRejected(approver, now, lock);
    }
    return new KillSwitchEvent.RecoveryRequested(approver, now, now.plus(policy.cooldown()));
  }

  public KillSwitchEvent decideRecoveryCompletion(String identity, List<HealthCheckResult> health,
      KillSwitchPolicy policy, Instant now) {
    if (blank(identity)) {
      return refused("complete-recovery", identity, RefusalReason.INVALID, "completing recovery needs an identity", now);
    }
    if (state != KillSwitchState.RECOVERING) {
      return refused("complete-recovery", identity, RefusalReason.WRONG_STATE,
          "recovery can be completed only while RECOVERING; the switch is " + state, now);
    }
    if (now.isBefore(cooldownEndsAt)) {
      long remaining = (Duration.between(now, cooldownEndsAt).toMillis() + 999) / 1000;
      return refused("complete-recovery", identity, RefusalReason.COOLDOWN_NOT_OVER,
          "cooldown ends at " + cooldownEndsAt + " (" + remaining + " s remaining)", now);
    }
    if (policy.twoPersonRule() && identity.equals(recoveryRequestedBy)) {
      return refused("complete-recovery", identity, RefusalReason.SAME_PERSON,
          "two-person rule: " + identity + " requested this recovery, someone else must complete it", now);
    }
    List<String> failed = new ArrayList<>();
    for (HealthCheckResult check : health) {
      if (!check.passed()) {
        failed.add(check.name() + ": " + check.detail());
      }
    }
    if (health.isEmpty()) {
      failed.add("no health check ran");
    }
    if (!failed.isEmpty()) {
      return refused("complete-recovery", identity, RefusalReason.HEALTH_CHECK_FAILED,
          "health checks failed: " + String.join("; ", failed), now);
    }
    return new KillSwitchEvent.RecoveryCompleted(identity, now);
  }

  /** The next state; pure, so replaying the journal rebuilds exactly this state. */
  public KillSwitchRecord apply(KillSwitchEvent event) {
    long next = revision + 1;
    if (event instanceof KillSwitchEvent.Triggered t) {
      return new KillSwitchRecord(scope, KillSwitchState.KILLED, t.at(), next, t.kind(), t.identity(), t.reason(),
          null, null, recentFailures, lockedUntil);
    }
    if (event instanceof KillSwitchEvent.RecoveryRequested r) {
      return new KillSwitchRecord(scope, KillSwitchState.RECOVERING, r.at(), next, triggerKind, triggeredBy, reason,
          r.approver(), r.cooldownEndsAt(), List.of(), null);
    }
    if (event instanceof KillSwitchEvent.ApprovalCodeRejected rejected) {
      List<Instant> failures = new ArrayList<>(recentFailures);
      failures.add(rejected.at());
      if (failures.size() > MAX_REMEMBERED_FAILURES) {
        failures = failures.subList(failures.size() - MAX_REMEMBERED_FAILURES, failures.size());
      }
      return new KillSwitchRecord(scope, state, since, next, triggerKind, triggeredBy, reason, recoveryRequestedBy,
          cooldownEndsAt, failures, rejected.lockedUntil() != null ? rejected.lockedUntil() : lockedUntil);
    }
    if (event instanceof KillSwitchEvent.RecoveryCompleted c) {
      return new KillSwitchRecord(scope, KillSwitchState.ACTIVE, c.at(), next, null, null, null, null, null,
          List.of(), null);
    }
    return new KillSwitchRecord(scope, state, since, next, triggerKind, triggeredBy, reason, recoveryRequestedBy,
        cooldownEndsAt, recentFailures, lockedUntil);
  }

  /** What the caller of the command that produced {@code event} is told; {@code this} is the state after it. */
  public KillSwitchReply replyTo(KillSwitchEvent event) {
    KillSwitchStatus status = status();
    if (event instanceof KillSwitchEvent.Triggered t) {
      return KillSwitchReply.accepted("KILLED by " + t.kind() + " (" + t.identity() + "): " + t.reason(), status);
    }
    if (event instanceof KillSwitchEvent.TriggerRepeated) {
      return KillSwitchReply.accepted("already KILLED; the trigger is recorded", status);
    }
    if (event instanceof KillSwitchEvent.RecoveryRequested r) {
      return KillSwitchReply.accepted("RECOVERING; cooldown ends at " + r.cooldownEndsAt(), status);
    }
    if (event instanceof KillSwitchEvent.RecoveryCompleted) {
      return KillSwitchReply.accepted("ACTIVE: trading allowed", status);
    }
    if (event instanceof KillSwitchEvent.ApprovalCodeRejected rejected) {
      return KillSwitchReply.refused(RefusalReason.BAD_APPROVAL_CODE, rejected.lockedUntil() == null
          ? "approval code rejected" : "approval code rejected; locked out until " + rejected.lockedUntil(), status);
    }
    KillSwitchEvent.CommandRefused refused = (KillSwitchEvent.CommandRefused) event;
    return KillSwitchReply.refused(refused.reason(), refused.detail(), status);
  }

  private static KillSwitchEvent refused(String command, String identity, RefusalReason reason, String detail,
      Instant now) {
    return new KillSwitchEvent.CommandRefused(command, identity == null ? "" : identity, reason, detail, now);
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
