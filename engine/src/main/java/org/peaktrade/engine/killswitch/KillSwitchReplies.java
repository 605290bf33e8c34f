package org.peaktrade.engine.killswitch;

import org.peaktrade.protocol.killswitch.KillSwitchEvent;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.ApprovalCodeRejected;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.CommandRefused;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.RecoveryCompleted;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.RecoveryLockedOut;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.RecoveryRequested;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.Triggered;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.RefusalReason;

/** The caller's answer for a decided event: refusals and rejected codes are refused replies, the rest accepted. */
public final class KillSwitchReplies {
  private KillSwitchReplies() {}

  /** {@code after} is the status once the event has been applied. */
  public static KillSwitchReply reply(KillSwitchEvent event, KillSwitchStatus after) {
    if (event instanceof CommandRefused refused) {
      return KillSwitchReply.refused(refused.reason(), refused.detail(), after);
    }
    if (event instanceof ApprovalCodeRejected rejected) {
      String detail = rejected.lockedUntil() == null ? "wrong approval code"
          : "wrong approval code; " + rejected.approver() + " is locked out (across every scope) until "
              + rejected.lockedUntil();
      return KillSwitchReply.refused(RefusalReason.BAD_APPROVAL_CODE, detail, after);
    }
    if (event instanceof RecoveryLockedOut lockedOut) {
      return KillSwitchReply.lockedOut("too many wrong approval codes by " + lockedOut.approver()
          + " (counted across every scope); their recovery requests are refused until " + lockedOut.lockedUntil()
          + " (" + Rules.secondsUntil(lockedOut.at(), lockedOut.lockedUntil()) + " s remaining)", after,
          lockedOut.lockedUntil());
    }
    if (event instanceof Triggered triggered) {
      return KillSwitchReply.accepted("killed: " + triggered.reason(), after);
    }
    if (event instanceof RecoveryRequested requested) {
      return KillSwitchReply.accepted("recovering; cooldown ends at " + requested.cooldownEndsAt(), after);
    }
    if (event instanceof RecoveryCompleted) {
      return KillSwitchReply.accepted("recovered; trading allowed", after);
    }
    return KillSwitchReply.accepted("already killed; trigger recorded", after);
  }
}
