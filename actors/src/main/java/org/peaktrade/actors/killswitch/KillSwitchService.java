package org.peaktrade.actors.killswitch;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.peaktrade.protocol.killswitch.KillSwitchEvent;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.TriggerKind;

/**
 * The facade every caller uses (HTTP routes, CLI-facing endpoints, triggers): it finds the entity for a scope and
 * asks it. Routes take this interface, so tests can stand a probe in for the actors.
 */
public interface KillSwitchService {

  CompletionStage<KillSwitchReply> trigger(KillSwitchScope scope, TriggerKind kind, String identity, String reason,
      Map<String, String> metadata);

  /** The code is used once for verification and then cleared; it is never logged or persisted. */
  CompletionStage<KillSwitchReply> requestRecovery(KillSwitchScope scope, String approver, char[] approvalCode);

  /** Runs the health checks, then asks the entity to complete the recovery. */
  CompletionStage<KillSwitchReply> completeRecovery(KillSwitchScope scope, String identity);

  CompletionStage<KillSwitchStatus> status(KillSwitchScope scope);

  /** The scope's journal, oldest first, starting after {@code afterSequence}, at most {@code limit} entries. */
  CompletionStage<List<RecordedEvent>> events(KillSwitchScope scope, long afterSequence, int limit);

  /** One journal entry with its sequence number. */
  record RecordedEvent(long sequence, KillSwitchEvent event) {}
}
