package org.peaktrade.engine.killswitch;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.Optional;
import org.peaktrade.protocol.CborSerializable;

/**
 * What the approver's guard found about the approval code of one recovery request; the kill switch decides with it
 * (a switch that is not KILLED refuses whatever the verdict). Crosses nodes in a cluster, so it carries no code.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "verdict")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ApprovalVerdict.Accepted.class, name = "accepted"),
    @JsonSubTypes.Type(value = ApprovalVerdict.Rejected.class, name = "rejected"),
    @JsonSubTypes.Type(value = ApprovalVerdict.LockedOut.class, name = "locked-out"),
    @JsonSubTypes.Type(value = ApprovalVerdict.Invalid.class, name = "invalid")})
public sealed interface ApprovalVerdict extends CborSerializable {

  /** The code matched (or codes are not required). */
  record Accepted(String approver) implements ApprovalVerdict {}

  /** A wrong code; {@code lockedUntil} is set when this failure locked the approver out. */
  record Rejected(String approver, Instant lockedUntil) implements ApprovalVerdict {}

  /** The approver is locked out until {@code until}; the code was not checked. */
  record LockedOut(String approver, Instant until) implements ApprovalVerdict {}

  /** No approver or no code: refused as invalid, not counted. */
  record Invalid(String detail) implements ApprovalVerdict {}

  /**
   * The verdict that needs no guard: a blank approver or a missing code is invalid, and without required codes any
   * request is accepted. Empty when the guard must check the code.
   */
  static Optional<ApprovalVerdict> withoutGuard(String approver, char[] code, KillSwitchPolicy policy) {
    if (Rules.isBlank(approver)) {
      return Optional.of(new Invalid("approver identity is required"));
    }
    if (!policy.approvalCodeRequired()) {
      return Optional.of(new Accepted(approver.strip()));
    }
    if (code == null || code.length == 0) {
      return Optional.of(new Invalid("approval code is required"));
    }
    return Optional.empty();
  }
}
