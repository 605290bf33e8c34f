package org.peaktrade.engine.killswitch;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.peaktrade.engine.killswitch.KillSwitchRecord.Kill;
import org.peaktrade.engine.killswitch.KillSwitchRecord.Killed;
import org.peaktrade.protocol.killswitch.KillSwitchEvent;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.CommandRefused;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.Triggered;
import org.peaktrade.protocol.killswitch.RefusalReason;
import org.peaktrade.protocol.killswitch.TriggerKind;

/** Checks and event builders shared by the lifecycle states. */
final class Rules {
  private Rules() {}

  static Optional<KillSwitchEvent> invalidTrigger(TriggerKind kind, String identity, String reason, Instant now) {
    String problem = kind == null ? "trigger kind is required"
        : isBlank(identity) ? "identity is required"
        : isBlank(reason) ? "reason is required"
        : null;
    return problem == null ? Optional.empty()
        : Optional.of(refused(KillSwitchRecord.TRIGGER, identity, RefusalReason.INVALID, problem, now));
  }

  static Triggered triggered(TriggerKind kind, String identity, String reason, Map<String, String> metadata,
      Instant now) {
    return new Triggered(kind, identity.strip(), reason.strip(), orEmpty(metadata), now);
  }

  static Killed killedBy(Triggered triggered, long revision) {
    return new Killed(revision, triggered.at(), new Kill(triggered.kind(), triggered.identity(), triggered.reason()));
  }

  /** Blank identities are refused as INVALID before the state is considered. */
  static CommandRefused wrongState(String command, String identity, String detail, KillSwitchRecord state,
      Instant now) {
    if (isBlank(identity)) {
      return refused(command, identity, RefusalReason.INVALID, "identity is required", now);
    }
    return refused(command, identity.strip(), RefusalReason.WRONG_STATE, detail + " (state is " + state.state() + ")",
        now);
  }

  static CommandRefused refused(String command, String identity, RefusalReason reason, String detail, Instant now) {
    return new CommandRefused(command, identity, reason, detail, now);
  }

  static IllegalStateException unexpected(KillSwitchEvent event, KillSwitchRecord state) {
    return new IllegalStateException(
        "kill-switch journal is inconsistent: " + event.getClass().getSimpleName() + " cannot follow " + state.state()
            + " at revision " + state.revision());
  }

  static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  static Map<String, String> orEmpty(Map<String, String> metadata) {
    return metadata == null ? Map.of() : metadata;
  }

  /** Identities are compared as people type them: ignoring case and surrounding blanks. */
  static boolean samePerson(String a, String b) {
    return a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
  }

  /** Whole seconds from {@code now} to {@code end}, rounded up so "0 s remaining" never precedes the end. */
  static long secondsUntil(Instant now, Instant end) {
    return secondsUp(Duration.between(now, end));
  }

  /** Whole seconds of {@code left}, rounded up. */
  static long secondsUp(Duration left) {
    return left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
  }
}
