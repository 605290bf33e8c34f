package org.peaktrade.actors.killswitch;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
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

  /**
   * Asks every scope in {@code scopes} for its status without waiting: each answer is told to {@code replyTo} as it
   * comes, in no particular order, and a scope that cannot answer sends nothing (the caller notices the missing
   * answer; the gate's view of it ages towards stale). For callers that refresh many scopes at once: the default
   * asks scope by scope, {@link KillSwitchRuntime} tells the entities directly, with no ask (temporary actor,
   * future, timeout task) per scope.
   */
  default void requestStatuses(Collection<KillSwitchScope> scopes, ActorRef<KillSwitchStatus> replyTo) {
    scopes.forEach(scope -> status(scope).thenAccept(replyTo::tell));
  }

  /**
   * The scope's status as its journal holds it, folded from every event, without asking its entity: for the gate
   * when the entity does not answer (it lived on a crashed member and its shard is moving). Every transition a
   * switch acknowledged was persisted first, so the journal read started at time t holds every kill acknowledged
   * before t. Empty when this service cannot read the journal; a failed stage when the read failed.
   */
  default CompletionStage<Optional<KillSwitchStatus>> statusFromJournal(KillSwitchScope scope) {
    return CompletableFuture.completedFuture(Optional.empty());
  }

  /** The scope's journal, oldest first, starting after {@code afterSequence}, at most {@code limit} entries. */
  CompletionStage<List<RecordedEvent>> events(KillSwitchScope scope, long afterSequence, int limit);

  /** One journal entry with its sequence number. */
  record RecordedEvent(long sequence, KillSwitchEvent event) {}
}
