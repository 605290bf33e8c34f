package org.peaktrade.engine.killswitch;

import java.time.Duration;
import java.util.Objects;

/**
 * The rules a kill switch enforces for recovery (DESIGN §4).
 *
 * @param cooldown time from an accepted recovery request until the recovery may complete
 * @param maxFailedAttempts wrong approval codes within {@code failureWindow} that start a lock-out
 * @param failureWindow how far back wrong codes are counted
 * @param lockout how long recovery requests are refused after the last allowed wrong code
 * @param twoPersonRule whether the completer must differ from the requester
 * @param approvalCode the configured hash; may be null only when {@code approvalCodeRequired} is false
 * @param approvalCodeRequired whether a recovery request must carry a code matching {@code approvalCode}
 */
public record KillSwitchPolicy(Duration cooldown, int maxFailedAttempts, Duration failureWindow, Duration lockout,
    boolean twoPersonRule, ApprovalCodeHash approvalCode, boolean approvalCodeRequired) {
  public static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(300);
  public static final int DEFAULT_MAX_FAILED_ATTEMPTS = 5;
  public static final Duration DEFAULT_FAILURE_WINDOW = Duration.ofMinutes(15);
  public static final Duration DEFAULT_LOCKOUT = Duration.ofMinutes(15);

  public KillSwitchPolicy {
    requireNonNegative(cooldown, "cooldown");
    requirePositive(failureWindow, "failure window");
    requirePositive(lockout, "lock-out");
    if (maxFailedAttempts < 1 || maxFailedAttempts > ApprovalFailures.MAX_TRACKED) {
      throw new IllegalArgumentException(
          "max failed attempts must be 1.." + ApprovalFailures.MAX_TRACKED + ": " + maxFailedAttempts);
    }
    if (approvalCodeRequired && approvalCode == null) {
      throw new IllegalArgumentException("an approval code hash is required when approval codes are required");
    }
  }

  /** The documented defaults: 300 s cooldown, 5 wrong codes in 15 min lock out for 15 min, one person may do both. */
  public static KillSwitchPolicy defaults(ApprovalCodeHash approvalCode) {
    return new KillSwitchPolicy(DEFAULT_COOLDOWN, DEFAULT_MAX_FAILED_ATTEMPTS, DEFAULT_FAILURE_WINDOW, DEFAULT_LOCKOUT,
        false, approvalCode, true);
  }

  public KillSwitchPolicy withTwoPersonRule(boolean on) {
    return new KillSwitchPolicy(cooldown, maxFailedAttempts, failureWindow, lockout, on, approvalCode,
        approvalCodeRequired);
  }

  private static void requireNonNegative(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: " + duration);
    }
  }

  private static void requirePositive(Duration duration, String name) {
    requireNonNegative(duration, name);
    if (duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
