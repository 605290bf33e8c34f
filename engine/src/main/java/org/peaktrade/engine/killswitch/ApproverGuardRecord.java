package org.peaktrade.engine.killswitch;

import java.time.Instant;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.peaktrade.protocol.CborSerializable;
import org.peaktrade.protocol.killswitch.ApproverGuardEvent;
import org.peaktrade.protocol.killswitch.ApproverGuardEvent.ApprovalCodeAccepted;
import org.peaktrade.protocol.killswitch.ApproverGuardEvent.ApprovalCodeFailed;
import org.peaktrade.protocol.killswitch.ApproverGuardEvent.LockedOutAttemptRefused;
import org.peaktrade.protocol.killswitch.KillSwitchScope;

/**
 * One approver's wrong approval codes across every kill-switch scope, so a lock-out cannot be dodged by spreading
 * guesses over scopes (DESIGN §4: failures are audited and rate-limited). {@link #attempt} decides, for a time
 * {@code now} passed in, the single event that records one recovery request's code: refused unchecked while locked
 * out, accepted (clearing the count), or failed, where the {@code policy.maxFailedAttempts()}-th failure within
 * {@code policy.failureWindow()} locks the approver out for {@code policy.lockout()}. {@link #apply} folds an event
 * and never reads a clock.
 */
public record ApproverGuardRecord(ApprovalFailures failures) implements CborSerializable {
  public static final ApproverGuardRecord INITIAL = new ApproverGuardRecord(ApprovalFailures.NONE);

  /** The guard's key for an identity: approvers are compared as people type them (case and blanks ignored). */
  public static String key(String approver) {
    return approver.strip().toLowerCase(Locale.ROOT);
  }

  /** {@code codeMatches} runs only when the approver is not locked out (it is the expensive PBKDF2 check). */
  public ApproverGuardEvent attempt(String approver, KillSwitchScope scope, BooleanSupplier codeMatches,
      KillSwitchPolicy policy, Instant now) {
    String who = approver.strip();
    if (failures.lockedAt(now)) {
      return new LockedOutAttemptRefused(who, scope, failures.lockedUntil(), now);
    }
    if (codeMatches.getAsBoolean()) {
      return new ApprovalCodeAccepted(who, scope, now);
    }
    boolean startsLockout = failures.countWithin(policy.failureWindow(), now) + 1 >= policy.maxFailedAttempts();
    return new ApprovalCodeFailed(who, scope, startsLockout ? now.plus(policy.lockout()) : null, now);
  }

  public ApproverGuardRecord apply(ApproverGuardEvent event) {
    if (event instanceof ApprovalCodeAccepted) {
      return new ApproverGuardRecord(failures.cleared());
    }
    if (event instanceof ApprovalCodeFailed failed) {
      return new ApproverGuardRecord(failures.recorded(failed.at(), failed.lockedUntil()));
    }
    return this;
  }

  /** What the kill switch is told about the attempt {@code event} recorded. */
  public static ApprovalVerdict verdict(ApproverGuardEvent event) {
    if (event instanceof ApprovalCodeAccepted accepted) {
      return new ApprovalVerdict.Accepted(accepted.approver());
    }
    if (event instanceof ApprovalCodeFailed failed) {
      return new ApprovalVerdict.Rejected(failed.approver(), failed.lockedUntil());
    }
    LockedOutAttemptRefused refused = (LockedOutAttemptRefused) event;
    return new ApprovalVerdict.LockedOut(refused.approver(), refused.lockedUntil());
  }
}
