package org.peaktrade.protocol.killswitch;

import java.util.Objects;
import org.peaktrade.protocol.CborSerializable;

/**
 * The answer to every kill-switch command: accepted, or refused with a reason and a human-readable detail (never
 * containing an approval code), plus the status after the command.
 */
public record KillSwitchReply(boolean accepted, RefusalReason refusal, String detail, KillSwitchStatus status)
    implements CborSerializable {

  public KillSwitchReply {
    Objects.requireNonNull(status, "status");
    if (accepted != (refusal == null)) {
      throw new IllegalArgumentException("a reply is either accepted or refused with a reason");
    }
  }

  public static KillSwitchReply accepted(String detail, KillSwitchStatus status) {
    return new KillSwitchReply(true, null, detail, status);
  }

  public static KillSwitchReply refused(RefusalReason reason, String detail, KillSwitchStatus status) {
    return new KillSwitchReply(false, reason, detail, status);
  }
}
