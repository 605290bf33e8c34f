package org.peaktrade.engine.killswitch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peaktrade.protocol.killswitch.KillSwitchEvent;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.RefusalReason;
import org.peaktrade.protocol.killswitch.TriggerKind;

class KillSwitchRepliesTest {
  private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");
  private static final KillSwitchStatus STATUS = KillSwitchStatus.initial(KillSwitchScope.GLOBAL, AT);

  @Test
  void transitionsAndRepeatedTriggersAreAccepted() {
    assertThat(KillSwitchReplies.reply(new KillSwitchEvent.Triggered(TriggerKind.MANUAL, "a", "halt", Map.of(), AT),
        STATUS)).isEqualTo(KillSwitchReply.accepted("killed: halt", STATUS));
    assertThat(KillSwitchReplies.reply(
        new KillSwitchEvent.TriggerRepeated(TriggerKind.MANUAL, "a", "halt", Map.of(), AT), STATUS))
        .isEqualTo(KillSwitchReply.accepted("already killed; trigger recorded", STATUS));
    assertThat(KillSwitchReplies.reply(new KillSwitchEvent.RecoveryRequested("b", AT, AT.plusSeconds(300)), STATUS))
        .isEqualTo(KillSwitchReply.accepted("recovering; cooldown ends at 2026-03-02T10:05:00Z", STATUS));
    assertThat(KillSwitchReplies.reply(new KillSwitchEvent.RecoveryCompleted("b", AT), STATUS))
        .isEqualTo(KillSwitchReply.accepted("recovered; trading allowed", STATUS));
  }

  @Test
  void aRejectedCodeIsRefusedAsBadApprovalCodeAndNamesALockout() {
    assertThat(KillSwitchReplies.reply(new KillSwitchEvent.ApprovalCodeRejected("m", AT, null), STATUS))
        .isEqualTo(KillSwitchReply.refused(RefusalReason.BAD_APPROVAL_CODE, "wrong approval code", STATUS));
    assertThat(KillSwitchReplies.reply(new KillSwitchEvent.ApprovalCodeRejected("m", AT, AT.plusSeconds(900)),
        STATUS)).isEqualTo(KillSwitchReply.refused(RefusalReason.BAD_APPROVAL_CODE,
        "wrong approval code; m is locked out (across every scope) until 2026-03-02T10:15:00Z", STATUS));
  }

  @Test
  void aRefusedCommandCarriesItsReasonAndDetail() {
    assertThat(KillSwitchReplies.reply(new KillSwitchEvent.CommandRefused("trigger", null, RefusalReason.INVALID,
        "reason is required", AT), STATUS))
        .isEqualTo(KillSwitchReply.refused(RefusalReason.INVALID, "reason is required", STATUS));
  }
}
