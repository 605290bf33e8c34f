package org.peaktrade.actors.killswitch;

import java.util.Collection;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.TriggerKind;
import org.peaktrade.protocol.text.ControlCharacters;

/**
 * The {@link KillSwitchService} for callers from outside the node (the HTTP API, and through it the CLI and the
 * dashboard): it asks the switch of a session scope only when that scope exists, so a caller cannot create
 * entities, journal rows or metric series by naming sessions that do not exist, and it refuses free text with
 * control characters ({@link ControlCharacters}) before anything reaches the journal.
 *
 * <p>A scope exists when it is the global one, when the node's sessions know the session (running or stopped:
 * sessions are never deleted, so a stopped session's switch stays readable and its audit trail with it), or when
 * the switch already has journal history (a session that could not be resumed after a restart keeps its audit trail
 * reachable, and its switch can still be killed). Otherwise every call fails with {@link UnknownScopeException}
 * without touching an entity, and free text with a control character fails with {@link IllegalArgumentException}
 * naming the field. Internal callers (the gate's batched refresh, watchdog and threshold triggers) name sessions that
 * exist by construction and use the runtime directly; {@link #requestStatuses} passes through unchecked.
 */
public final class GuardedKillSwitchService implements KillSwitchService {

  /** Whether the node knows a session (the session facade's lookup). */
  @FunctionalInterface
  public interface KnownSessions {
    CompletionStage<Boolean> exists(String sessionId);
  }

  private final KillSwitchService delegate;
  private final KnownSessions sessions;

  public GuardedKillSwitchService(KillSwitchService delegate, KnownSessions sessions) {
    this.delegate = delegate;
    this.sessions = sessions;
  }

  @Override
  public CompletionStage<KillSwitchReply> trigger(KillSwitchScope scope, TriggerKind kind, String identity,
      String reason, Map<String, String> metadata) {
    return clean(() -> {
      ControlCharacters.require("identity", identity);
      ControlCharacters.require("reason", reason);
      ControlCharacters.require("metadata", metadata);
    }, () -> ifExists(scope, () -> delegate.trigger(scope, kind, identity, reason, metadata)));
  }

  @Override
  public CompletionStage<KillSwitchReply> requestRecovery(KillSwitchScope scope, String approver,
      char[] approvalCode) {
    return clean(() -> ControlCharacters.require("approver", approver),
        () -> ifExists(scope, () -> delegate.requestRecovery(scope, approver, approvalCode)));
  }

  @Override
  public CompletionStage<KillSwitchReply> completeRecovery(KillSwitchScope scope, String identity) {
    return clean(() -> ControlCharacters.require("identity", identity),
        () -> ifExists(scope, () -> delegate.completeRecovery(scope, identity)));
  }

  @Override
  public CompletionStage<KillSwitchStatus> status(KillSwitchScope scope) {
    return ifExists(scope, () -> delegate.status(scope));
  }

  @Override
  public void requestStatuses(Collection<KillSwitchScope> scopes, ActorRef<KillSwitchStatus> replyTo) {
    delegate.requestStatuses(scopes, replyTo);
  }

  @Override
  public CompletionStage<Optional<KillSwitchStatus>> statusFromJournal(KillSwitchScope scope) {
    return delegate.statusFromJournal(scope);
  }

  @Override
  public CompletionStage<List<RecordedEvent>> events(KillSwitchScope scope, long afterSequence, int limit) {
    return ifExists(scope, () -> delegate.events(scope, afterSequence, limit));
  }

  /** Completes with whether {@code scope} exists (see the class comment). */
  public CompletionStage<Boolean> exists(KillSwitchScope scope) {
    if (scope.isGlobal()) {
      return CompletableFuture.completedFuture(true);
    }
    return sessions.exists(scope.value().substring("session:".length())).thenCompose(known -> known
        ? CompletableFuture.completedFuture(true)
        : delegate.events(scope, 0, 1).thenApply(history -> !history.isEmpty()));
  }

  private <T> CompletionStage<T> ifExists(KillSwitchScope scope, Supplier<CompletionStage<T>> call) {
    return exists(scope).thenCompose(
        exists -> exists ? call.get() : CompletableFuture.failedFuture(new UnknownScopeException(scope)));
  }

  private static <T> CompletionStage<T> clean(Runnable check, Supplier<CompletionStage<T>> call) {
    try {
      check.run();
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    return call.get();
  }
}
