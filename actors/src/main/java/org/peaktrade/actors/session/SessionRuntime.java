package org.peaktrade.actors.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.peaktrade.actors.cluster.SessionViewBoard;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.session.EquityPoint;
import org.peaktrade.protocol.session.OrderView;
import org.peaktrade.protocol.session.PositionView;
import org.peaktrade.protocol.session.SessionSpec;
import org.peaktrade.protocol.session.SessionView;

/**
 * The single-node {@link SessionService}: one {@link SessionRegistry} (which resumes the node's sessions when it
 * starts) and asks with {@code peaktrade.sessions.ask-timeout}. Start it once per ActorSystem, after the journal is
 * prepared and the kill-switch gate, watchdog and feeds exist.
 *
 * <p>The list and a session's view keep answering when a session does not answer in time (it is busy: a node with
 * thousands of sessions catching up, a journal write that takes long): every view a session gave is kept
 * ({@link SessionViewBoard}), and a session that does not answer within the ask timeout is shown with its last view
 * marked {@link SessionView#reachable() unreachable}, as on a cluster. Only a session that never gave a view through
 * this facade fails a read.
 */
public final class SessionRuntime implements SessionService {
  /** The registry's own dispatcher: its answers do not wait behind the bars of busy sessions. */
  public static final String DISPATCHER = "peaktrade.sessions.registry-dispatcher";
  private static final String STOPPED_BY_OPERATOR = "stopped by an operator";

  private final ActorSystem<?> system;
  private final ActorRef<SessionRegistry.Command> registry;
  private final Duration timeout;
  private final SessionViewBoard lastSeen = new SessionViewBoard();

  private SessionRuntime(ActorSystem<?> system, ActorRef<SessionRegistry.Command> registry, Duration timeout) {
    this.system = system;
    this.registry = registry;
    this.timeout = timeout;
  }

  public static SessionRuntime start(ActorSystem<?> system, SessionDependencies deps) {
    ActorRef<SessionRegistry.Command> registry =
        system.systemActorOf(SessionRegistry.create(deps), "sessions", DispatcherSelector.fromConfig(DISPATCHER));
    return new SessionRuntime(system, registry, deps.settings().askTimeout());
  }

  @Override
  public CompletionStage<SessionView> start(SessionSpec spec) {
    return AskPattern.<SessionRegistry.Command, SessionRegistry.StartReply>ask(registry,
            replyTo -> new SessionRegistry.Start(spec, replyTo), timeout, system.scheduler())
        .thenCompose(reply -> {
          if (reply instanceof SessionRegistry.Refused refused) {
            return CompletableFuture.failedFuture(new SessionRefusedException(refused.reason()));
          }
          return this.<SessionView>ask(((SessionRegistry.Started) reply).session(), TradingSession.GetView::new)
              .thenApply(this::remember);
        });
  }

  @Override
  public CompletionStage<List<SessionView>> list() {
    return AskPattern.<SessionRegistry.Command, Map<String, ActorRef<TradingSession.Command>>>ask(registry,
            SessionRegistry.ListSessions::new, timeout, system.scheduler())
        .thenCompose(sessions -> {
          List<CompletableFuture<SessionView>> views = new ArrayList<>();
          sessions.forEach((id, session) -> views.add(viewOrLastSeen(id, session).toCompletableFuture()));
          return CompletableFuture.allOf(views.toArray(CompletableFuture[]::new)).thenApply(done -> views.stream()
              .map(CompletableFuture::join).sorted(Comparator.comparing(view -> view.spec().id())).toList());
        });
  }

  @Override
  public CompletionStage<Optional<SessionView>> get(String sessionId) {
    return find(sessionId).thenCompose(found -> found.isEmpty()
        ? CompletableFuture.completedFuture(Optional.<SessionView>empty())
        : viewOrLastSeen(sessionId, found.get()).thenApply(Optional::of));
  }

  @Override
  public CompletionStage<Optional<SessionView>> stop(String sessionId) {
    return this.<SessionView>onSession(sessionId, replyTo -> new TradingSession.Stop(STOPPED_BY_OPERATOR, replyTo))
        .thenApply(view -> view.map(this::remember));
  }

  /** Keeps {@code view} as its session's last one seen, and answers it. */
  private SessionView remember(SessionView view) {
    lastSeen.offer(view);
    return view;
  }

  /** The session's view; its last one marked unreachable when it does not answer within the ask timeout. */
  private CompletionStage<SessionView> viewOrLastSeen(String sessionId, ActorRef<TradingSession.Command> session) {
    return this.<SessionView>ask(session, TradingSession.GetView::new).thenApply(this::remember)
        .exceptionallyCompose(failure -> lastSeen.get(sessionId)
            .map(last -> CompletableFuture.completedFuture(last.unreachable()))
            .orElseGet(() -> CompletableFuture.failedFuture(failure)));
  }

  @Override
  public CompletionStage<Optional<List<OrderView>>> orders(String sessionId) {
    return onSession(sessionId, TradingSession.GetOrders::new);
  }

  @Override
  public CompletionStage<Optional<List<Fill>>> fills(String sessionId) {
    return onSession(sessionId, TradingSession.GetFills::new);
  }

  @Override
  public CompletionStage<Optional<List<PositionView>>> positions(String sessionId) {
    return onSession(sessionId, TradingSession.GetPositions::new);
  }

  @Override
  public CompletionStage<Optional<List<EquityPoint>>> equity(String sessionId) {
    return onSession(sessionId, TradingSession.GetEquity::new);
  }

  /** Asks the session {@code sessionId}; empty when there is no such session. */
  private <T> CompletionStage<Optional<T>> onSession(String sessionId,
      Function<ActorRef<T>, TradingSession.Command> command) {
    return find(sessionId).thenCompose(found -> found.isEmpty()
        ? CompletableFuture.completedFuture(Optional.<T>empty())
        : ask(found.get(), command).thenApply(Optional::of));
  }

  private CompletionStage<Optional<ActorRef<TradingSession.Command>>> find(String sessionId) {
    return AskPattern.ask(registry, replyTo -> new SessionRegistry.Find(sessionId, replyTo), timeout,
        system.scheduler());
  }

  private <T> CompletionStage<T> ask(ActorRef<TradingSession.Command> session,
      Function<ActorRef<T>, TradingSession.Command> command) {
    return AskPattern.ask(session, command::apply, timeout, system.scheduler());
  }
}
