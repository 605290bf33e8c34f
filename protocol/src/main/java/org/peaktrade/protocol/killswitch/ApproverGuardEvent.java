package org.peaktrade.protocol.killswitch;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import org.peaktrade.protocol.CborSerializable;

/**
 * What happened to one approver's approval codes, in the journal of that approver's guard (persistence id
 * {@code approver-guard|<approver>}): the audit trail of every checked code, with the scope it was meant for, who
 * sent it and when ({@code at}, read from the injected clock in the command handler).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ApproverGuardEvent.ApprovalCodeAccepted.class, name = "approval-code-accepted"),
    @JsonSubTypes.Type(value = ApproverGuardEvent.ApprovalCodeFailed.class, name = "approval-code-failed"),
    @JsonSubTypes.Type(value = ApproverGuardEvent.LockedOutAttemptRefused.class,
        name = "locked-out-attempt-refused")})
public sealed interface ApproverGuardEvent extends CborSerializable {

  String approver();

  KillSwitchScope scope();

  Instant at();

  /** The code matched; the failures counted so far are cleared. */
  record ApprovalCodeAccepted(String approver, KillSwitchScope scope, Instant at) implements ApproverGuardEvent {}

  /** A wrong code; {@code lockedUntil} is set when this failure started a lock-out of the approver. */
  record ApprovalCodeFailed(String approver, KillSwitchScope scope, Instant lockedUntil, Instant at)
      implements ApproverGuardEvent {}

  /** A code sent while the approver was locked out: not checked, refused until {@code lockedUntil}. */
  record LockedOutAttemptRefused(String approver, KillSwitchScope scope, Instant lockedUntil, Instant at)
      implements ApproverGuardEvent {}
}
