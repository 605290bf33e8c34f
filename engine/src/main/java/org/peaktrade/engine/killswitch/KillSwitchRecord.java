package org.peaktrade.engine.killswitch;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.peaktrade.protocol.CborSerializable;
import org.peaktrade.protocol.killswitch.HealthCheckResult;
import org.peaktrade.protocol.killswitch.KillSwitchEvent;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.ApprovalCodeRejected;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.CommandRefused;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.RecoveryCompleted;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.RecoveryLockedOut;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.RecoveryRequested;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.Triggered;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.TriggerRepeated;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchState;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.RefusalReason;
import org.peaktrade.protocol.killswitch.TriggerKind;

/**
 * One kill switch's state, split by lifecycle (DESIGN §4). The command methods decide, for a time {@code now}
 * passed in, which single event records the outcome (a transition, a repeated trigger, a rejected code or a
 * refusal); {@link #apply} folds an event into the next state and never reads a clock. {@code revision} counts the
 * applied events, so it equals the journal sequence number.
 *
 * <p>Events carry wall-clock instants for the audit trail, but whether a cooldown is over is decided on
 * {@code cooldownElapsed}: the time since the cooldown started as the caller measured it on a monotonic ticker, so
 * an NTP step or a changed date neither shortens nor stretches it. The ticker's readings do not survive a restart;
 * {@link Recovering#cooldownElapsedAtRestart} states what a restarted entity may credit.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "lifecycle")
@JsonSubTypes({
    @JsonSubTypes.Type(value = KillSwitchRecord.Active.class, name = "active"),
    @JsonSubTypes.Type(value = KillSwitchRecord.Killed.class, name = "killed"),
    @JsonSubTypes.Type(value = KillSwitchRecord.Recovering.class, name = "recovering")})
public sealed interface KillSwitchRecord extends CborSerializable {
  String TRIGGER = "trigger";
  String REQUEST_RECOVERY = "request-recovery";
  String COMPLETE_RECOVERY = "complete-recovery";

  /** A switch that has never been triggered: ACTIVE since the epoch, revision 0. */
  static KillSwitchRecord initial() {
    return new Active(0, Instant.EPOCH);
  }

  long revision();

  Instant since();

  KillSwitchState state();

  /**
   * The status {@code cooldownElapsed} (monotonic) into a cooldown that counts from wall time
   * {@code cooldownStartedAt} (the request, or a restart that could not credit the time since it); only a RECOVERING
   * switch reads them.
   */
  KillSwitchStatus status(KillSwitchScope scope, Duration cooldownElapsed, Instant cooldownStartedAt);

  KillSwitchEvent trigger(TriggerKind kind, String identity, String reason, Map<String, String> metadata,
      Instant now);

  /** {@code verdict} is the approver's guard's finding about the code (see {@link ApproverGuardRecord}). */
  KillSwitchEvent requestRecovery(String approver, ApprovalVerdict verdict, KillSwitchPolicy policy, Instant now);

  /** {@code cooldownElapsed} is the monotonic time since the cooldown started; {@code now} only stamps the event. */
  KillSwitchEvent completeRecovery(String identity, List<HealthCheckResult> health, KillSwitchPolicy policy,
      Duration cooldownElapsed, Instant now);

  /** The next state; an event that cannot follow this state means a corrupt journal and fails loudly. */
  KillSwitchRecord apply(KillSwitchEvent event);

  /** What fired the kill in force. */
  record Kill(TriggerKind kind, String triggeredBy, String reason) {}

  /** Trading allowed. */
  record Active(long revision, Instant since) implements KillSwitchRecord {

    @Override
    public KillSwitchState state() {
      return KillSwitchState.ACTIVE;
    }

    @Override
    public KillSwitchStatus status(KillSwitchScope scope, Duration cooldownElapsed, Instant cooldownStartedAt) {
      return new KillSwitchStatus(scope, KillSwitchState.ACTIVE, since, revision, null, null, null, null, null,
          null);
    }

    @Override
    public KillSwitchEvent trigger(TriggerKind kind, String identity, String reason, Map<String, String> metadata,
        Instant now) {
      return Rules.invalidTrigger(kind, identity, reason, now)
          .orElseGet(() -> Rules.triggered(kind, identity, reason, metadata, now));
    }

    @Override
    public KillSwitchEvent requestRecovery(String approver, ApprovalVerdict verdict, KillSwitchPolicy policy,
        Instant now) {
      return Rules.wrongState(REQUEST_RECOVERY, approver, "recovery can be requested only while KILLED", this, now);
    }

    @Override
    public KillSwitchEvent completeRecovery(String identity, List<HealthCheckResult> health, KillSwitchPolicy policy,
        Duration cooldownElapsed, Instant now) {
      return Rules.wrongState(COMPLETE_RECOVERY, identity, "recovery can be completed only while RECOVERING", this,
          now);
    }

    @Override
    public KillSwitchRecord apply(KillSwitchEvent event) {
      if (event instanceof Triggered triggered) {
        return Rules.killedBy(triggered, revision + 1);
      }
      if (event instanceof CommandRefused) {
        return new Active(revision + 1, since);
      }
      throw Rules.unexpected(event, this);
    }
  }

  /** Every order blocked; waiting for a recovery request with a valid approval code. */
  record Killed(long revision, Instant since, Kill kill) implements KillSwitchRecord {

    @Override
    public KillSwitchState state() {
      return KillSwitchState.KILLED;
    }

    @Override
    public KillSwitchStatus status(KillSwitchScope scope, Duration cooldownElapsed, Instant cooldownStartedAt) {
      return new KillSwitchStatus(scope, KillSwitchState.KILLED, since, revision, kill.kind(), kill.triggeredBy(),
          kill.reason(), null, null, null);
    }

    @Override
    public KillSwitchEvent trigger(TriggerKind kind, String identity, String reason, Map<String, String> metadata,
        Instant now) {
      return Rules.invalidTrigger(kind, identity, reason, now).orElseGet(() -> new TriggerRepeated(kind,
          identity.strip(), reason.strip(), Rules.orEmpty(metadata), now));
    }

    @Override
    public KillSwitchEvent requestRecovery(String approver, ApprovalVerdict verdict, KillSwitchPolicy policy,
        Instant now) {
      if (Rules.isBlank(approver)) {
        return Rules.refused(REQUEST_RECOVERY, approver, RefusalReason.INVALID, "approver identity is required", now);
      }
      String who = approver.strip();
      if (verdict instanceof ApprovalVerdict.Invalid invalid) {
        return Rules.refused(REQUEST_RECOVERY, who, RefusalReason.INVALID, invalid.detail(), now);
      }
      if (verdict instanceof ApprovalVerdict.LockedOut lockedOut) {
        return new RecoveryLockedOut(who, lockedOut.until(), now);
      }
      if (verdict instanceof ApprovalVerdict.Rejected rejected) {
        return new ApprovalCodeRejected(who, now, rejected.lockedUntil());
      }
      return new RecoveryRequested(who, now, now.plus(policy.cooldown()));
    }

    @Override
    public KillSwitchEvent completeRecovery(String identity, List<HealthCheckResult> health, KillSwitchPolicy policy,
        Duration cooldownElapsed, Instant now) {
      return Rules.wrongState(COMPLETE_RECOVERY, identity,
          "recovery can be completed only while RECOVERING; request recovery first", this, now);
    }

    @Override
    public KillSwitchRecord apply(KillSwitchEvent event) {
      if (event instanceof TriggerRepeated || event instanceof CommandRefused
          || event instanceof ApprovalCodeRejected || event instanceof RecoveryLockedOut) {
        return new Killed(revision + 1, since, kill);
      }
      if (event instanceof RecoveryRequested requested) {
        return new Recovering(revision + 1, requested.at(), kill, requested.approver(), requested.cooldownEndsAt());
      }
      throw Rules.unexpected(event, this);
    }
  }

  /** Still blocked: the cooldown runs and health checks must pass before the recovery completes. */
  record Recovering(long revision, Instant since, Kill kill, String requestedBy, Instant cooldownEndsAt)
      implements KillSwitchRecord {

    @Override
    public KillSwitchState state() {
      return KillSwitchState.RECOVERING;
    }

    @Override
    public KillSwitchStatus status(KillSwitchScope scope, Duration cooldownElapsed, Instant cooldownStartedAt) {
      return new KillSwitchStatus(scope, KillSwitchState.RECOVERING, since, revision, kill.kind(),
          kill.triggeredBy(), kill.reason(), requestedBy, cooldownStartedAt.plus(cooldown()),
          cooldownRemaining(cooldownElapsed));
    }

    /** The cooldown as it was requested: from the request to the recorded end (the policy's cooldown back then). */
    public Duration cooldown() {
      return Duration.between(since, cooldownEndsAt);
    }

    /** What is left of the cooldown {@code cooldownElapsed} (monotonic) after it started; never negative. */
    public Duration cooldownRemaining(Duration cooldownElapsed) {
      Duration remaining = cooldown().minus(cooldownElapsed);
      return remaining.isNegative() ? Duration.ZERO : remaining;
    }

    public boolean cooldownOverAfter(Duration cooldownElapsed) {
      return cooldownRemaining(cooldownElapsed).isZero();
    }

    /**
     * How much of the cooldown a restarted entity (journal replay, another node) counts as already elapsed when it
     * restarts at wall time {@code now}, then measures the rest on its own monotonic ticker. The wall time since the
     * request is credited only when it is plausible: not negative and shorter than the cooldown. Otherwise (the wall
     * clock is before the request, or at or past the cooldown's end, which a forward step looks just like) nothing
     * is credited and the full cooldown runs again from the restart. So a wall-clock step never makes a cooldown
     * shorter than configured: the remainder is at most the full cooldown, and a restart can at worst add one
     * cooldown. The residual risk, a forward step smaller than the cooldown while the entity is down, shortens it
     * by at most that step.
     */
    public Duration cooldownElapsedAtRestart(Instant now) {
      Duration sinceRequest = Duration.between(since, now);
      return sinceRequest.isNegative() || sinceRequest.compareTo(cooldown()) >= 0 ? Duration.ZERO : sinceRequest;
    }

    @Override
    public KillSwitchEvent trigger(TriggerKind kind, String identity, String reason, Map<String, String> metadata,
        Instant now) {
      return Rules.invalidTrigger(kind, identity, reason, now)
          .orElseGet(() -> Rules.triggered(kind, identity, reason, metadata, now));
    }

    @Override
    public KillSwitchEvent requestRecovery(String approver, ApprovalVerdict verdict, KillSwitchPolicy policy,
        Instant now) {
      return Rules.wrongState(REQUEST_RECOVERY, approver, "recovery was already requested by " + requestedBy, this,
          now);
    }

    @Override
    public KillSwitchEvent completeRecovery(String identity, List<HealthCheckResult> health, KillSwitchPolicy policy,
        Duration cooldownElapsed, Instant now) {
      if (Rules.isBlank(identity)) {
        return Rules.refused(COMPLETE_RECOVERY, identity, RefusalReason.INVALID, "identity is required", now);
      }
      String who = identity.strip();
      Duration remaining = cooldownRemaining(cooldownElapsed);
      if (!remaining.isZero()) {
        return Rules.refused(COMPLETE_RECOVERY, who, RefusalReason.COOLDOWN_NOT_OVER,
            "cooldown ends at " + now.plus(remaining) + " (" + Rules.secondsUp(remaining)
                + " s remaining)", now);
      }
      if (policy.twoPersonRule() && Rules.samePerson(who, requestedBy)) {
        return Rules.refused(COMPLETE_RECOVERY, who, RefusalReason.SAME_PERSON,
            "two-person rule: the recovery was requested by " + requestedBy
                + "; another person must complete it", now);
      }
      List<HealthCheckResult> failed = Objects.requireNonNull(health, "health").stream()
          .filter(result -> !result.passed()).toList();
      if (!failed.isEmpty()) {
        return Rules.refused(COMPLETE_RECOVERY, who, RefusalReason.HEALTH_CHECK_FAILED, "health checks failed: "
            + failed.stream().map(r -> r.name() + " (" + r.detail() + ")").collect(Collectors.joining(", ")), now);
      }
      return new RecoveryCompleted(who, now);
    }

    @Override
    public KillSwitchRecord apply(KillSwitchEvent event) {
      if (event instanceof Triggered triggered) {
        return Rules.killedBy(triggered, revision + 1);
      }
      if (event instanceof CommandRefused) {
        return new Recovering(revision + 1, since, kill, requestedBy, cooldownEndsAt);
      }
      if (event instanceof RecoveryCompleted completed) {
        return new Active(revision + 1, completed.at());
      }
      throw Rules.unexpected(event, this);
    }
  }
}
