package org.peaktrade.protocol.killswitch;

/** Why the kill switch refused a command; each refusal is also an event in the journal. */
public enum RefusalReason {
  /** The command does not apply in the current state (e.g. recovery requested while ACTIVE). */
  WRONG_STATE,
  /** The approval code did not match the configured hash. */
  BAD_APPROVAL_CODE,
  /**
   * The approver sent too many bad approval codes in the window, across every scope: their recovery requests are
   * refused, even with the right code, until the lock-out ends.
   */
  LOCKED_OUT,
  /** Recovery completion before the cooldown has elapsed. */
  COOLDOWN_NOT_OVER,
  /** A health check failed, so recovery cannot complete. */
  HEALTH_CHECK_FAILED,
  /** The two-person rule is on and the completer is the requester. */
  SAME_PERSON,
  /** The command itself is invalid (blank identity or reason). */
  INVALID
}
