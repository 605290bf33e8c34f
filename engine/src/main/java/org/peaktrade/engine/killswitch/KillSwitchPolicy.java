package org.peaktrade.engine.killswitch;

import java.time.Duration;
import java.util.Objects;

/**
 * How recovery works: the cooldown from the recovery request, the lock-out after too many bad approval codes
 * within a window, the optional two-person rule, and the approval code hash (required unless
 * {@code approvalCodeRequired} is false, which is for tests and demos only).
 */
public record KillSwitchPolicy(
    Duration cooldown, int maxFailedAttempts, Duration failureWindow, Duration lockout, boolean twoPersonRule,
    boolean approvalCodeRequired, ApprovalCodeHash approvalCode) {

  public KillSwitchPolicy {
    Objects.requireNonNull(cooldown, "cooldown");
    Objects.requireNonNull(failureWindow, "failure window");
    Objects.requireNonNull(lockout, "lockout");
    if (cooldown.isNegative() || failureWindow.isNegative() || lockout.isNegative()) {
      throw new IllegalArgumentException("cooldown, failure window and lockout must not be negative");
    }
    if (maxFailedAttempts < 1) {
      throw new IllegalArgumentException("max failed attempts must be at least 1: " + maxFailedAttempts);
    }
    if (approvalCodeRequired && approvalCode == null) {
      throw new IllegalArgumentException("an approval code is required but no approval code hash is configured");
    }
  }
}
