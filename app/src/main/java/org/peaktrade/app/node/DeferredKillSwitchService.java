package org.peaktrade.app.node;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.peaktrade.actors.killswitch.KillSwitchService;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.TriggerKind;

/**
 * Breaks a start-up cycle: the watchdog needs the kill-switch service to trigger, and the service's recovery health
 * check needs the watchdog. The watchdog gets this stand-in, which forwards every call once the real service is
 * {@link #resolve resolved} (calls made before wait for it).
 */
final class DeferredKillSwitchService implements KillSwitchService {
  private final CompletableFuture<KillSwitchService> service = new CompletableFuture<>();

  void resolve(KillSwitchService real) {
    service.complete(real);
  }

  @Override
  public CompletionStage<KillSwitchReply> trigger(KillSwitchScope scope, TriggerKind kind, String identity,
      String reason, Map<String, String> metadata) {
    return service.thenCompose(s -> s.trigger(scope, kind, identity, reason, metadata));
  }

  @Override
  public CompletionStage<KillSwitchReply> requestRecovery(KillSwitchScope scope, String approver,
      char[] approvalCode) {
    return service.thenCompose(s -> s.requestRecovery(scope, approver, approvalCode));
  }

  @Override
  public CompletionStage<KillSwitchReply> completeRecovery(KillSwitchScope scope, String identity) {
    return service.thenCompose(s -> s.completeRecovery(scope, identity));
  }

  @Override
  public CompletionStage<KillSwitchStatus> status(KillSwitchScope scope) {
    return service.thenCompose(s -> s.status(scope));
  }

  /** Forwards to the real service's batched refresh (no ask per scope) once it is resolved. */
  @Override
  public void requestStatuses(Collection<KillSwitchScope> scopes, ActorRef<KillSwitchStatus> replyTo) {
    List<KillSwitchScope> copy = List.copyOf(scopes);
    service.thenAccept(s -> s.requestStatuses(copy, replyTo));
  }

  @Override
  public CompletionStage<List<RecordedEvent>> events(KillSwitchScope scope, long afterSequence, int limit) {
    return service.thenCompose(s -> s.events(scope, afterSequence, limit));
  }
}
