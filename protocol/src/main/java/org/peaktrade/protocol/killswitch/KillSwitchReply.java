package org.peaktrade.protocol.killswitch;

import java.time.Instant;
import java.util.Objects;
import org.peaktrade.protocol.CborSerializable;

/**
 * The answer to every kill-switch command: accepted, or refused with a reason and a human-readable detail (never
 * containing an approval code), plus the status after the command. {@code lockedUntil} is set only on a
 * {@link RefusalReason#LOCKED_OUT} refusal: when the approver's lock-out ends.
 */
public record KillSwitchReply(boolean accepted, RefusalReason refusal, String detail, KillSwitchStatus status,
    Instant lockedUntil) implements CborSerializable {

  public KillSwitchReply {
    Objects.requireNonNull(status, "status");
    if (accepted != (refusal == null)) {
      throw new IllegalArgumentException("a reply is either accepted or refused with a reason");
    }
    if (lockedUntil != null && refusal != RefusalReason.LOCKED_OUT) {
      throw new IllegalArgumentException("only a lock-out names when it ends");
    }
  }

  public KillSwitchReply(boolean accepted, RefusalReason refusal, String detail, KillSwitchStatus status) {
    this(accepted, refusal, detail, status, null);
  }

  public static KillSwitchReply accepted(String detail, KillSwitchStatus status) {
    return new KillSwitchReply(true, null, detail, status);
  }

  public static KillSwitchReply refused(RefusalReason reason, String detail, KillSwitchStatus status) {
    return new KillSwitchReply(false, reason, detail, status);
  }

  public static KillSwitchReply lockedOut(String detail, KillSwitchStatus status, Instant lockedUntil) {
    return new KillSwitchReply(false, RefusalReason.LOCKED_OUT, detail, status, Objects.requireNonNull(lockedUntil));
  }
}
