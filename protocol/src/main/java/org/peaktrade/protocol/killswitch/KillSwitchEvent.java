package org.peaktrade.protocol.killswitch;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.Map;
import org.peaktrade.protocol.CborSerializable;

/**
 * Everything that happened to a kill switch, in the journal forever: the audit trail. Every event carries the time
 * it was decided ({@code at}, read from the injected clock in the command handler) and who caused it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = KillSwitchEvent.Triggered.class, name = "triggered"),
    @JsonSubTypes.Type(value = KillSwitchEvent.TriggerRepeated.class, name = "trigger-repeated"),
    @JsonSubTypes.Type(value = KillSwitchEvent.RecoveryRequested.class, name = "recovery-requested"),
    @JsonSubTypes.Type(value = KillSwitchEvent.ApprovalCodeRejected.class, name = "approval-code-rejected"),
    @JsonSubTypes.Type(value = KillSwitchEvent.RecoveryCompleted.class, name = "recovery-completed"),
    @JsonSubTypes.Type(value = KillSwitchEvent.CommandRefused.class, name = "command-refused"),
    @JsonSubTypes.Type(value = KillSwitchEvent.RecoveryLockedOut.class, name = "recovery-locked-out")})
public sealed interface KillSwitchEvent extends CborSerializable {

  Instant at();

  /** ACTIVE or RECOVERING → KILLED. */
  record Triggered(TriggerKind kind, String identity, String reason, Map<String, String> metadata, Instant at)
      implements KillSwitchEvent {
    public Triggered {
      metadata = Map.copyOf(metadata);
    }
  }

  /** A trigger while already KILLED: recorded, changes nothing. */
  record TriggerRepeated(TriggerKind kind, String identity, String reason, Map<String, String> metadata, Instant at)
      implements KillSwitchEvent {
    public TriggerRepeated {
      metadata = Map.copyOf(metadata);
    }
  }

  /** KILLED → RECOVERING after a valid approval code; the cooldown runs until {@code cooldownEndsAt}. */
  record RecoveryRequested(String approver, Instant at, Instant cooldownEndsAt) implements KillSwitchEvent {}

  /** A recovery request with a wrong code; {@code lockedUntil} is set when this failure started a lock-out. */
  record ApprovalCodeRejected(String approver, Instant at, Instant lockedUntil) implements KillSwitchEvent {}

  /** RECOVERING → ACTIVE: cooldown over, health checks passed. */
  record RecoveryCompleted(String identity, Instant at) implements KillSwitchEvent {}

  /**
   * A recovery request refused because its approver is locked out (too many wrong codes across every scope, counted
   * by the approver's guard) until {@code lockedUntil}; the code was not checked.
   */
  record RecoveryLockedOut(String approver, Instant lockedUntil, Instant at) implements KillSwitchEvent {}

  /** Any other refused command, with the reason the caller was given. */
  record CommandRefused(String command, String identity, RefusalReason reason, String detail, Instant at)
      implements KillSwitchEvent {}
}
