package org.peaktrade.actors.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;
import org.peaktrade.actors.session.SessionDependencies;
import org.peaktrade.actors.session.SessionPlan;
import org.peaktrade.actors.session.SessionRefusedException;
import org.peaktrade.actors.session.SessionService;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.session.EquityPoint;
import org.peaktrade.protocol.session.OrderView;
import org.peaktrade.protocol.session.PositionView;
import org.peaktrade.protocol.session.SessionSpec;
import org.peaktrade.protocol.session.SessionView;

/**
 * The cluster's {@link SessionService}, the same on every node: the {@link SessionDirectory} singleton knows which
 * sessions exist, and each session is a {@link SessionEntity} sharded over the nodes with remember-entities (stored
 * in the journal, so it needs no local disk), so sessions are spread over the cluster and come back by themselves
 * after a rebalance, a node crash or a restart of the whole cluster. A start is checked against this node (strategy,
 * sizing, risk profile, feed, mode gates: every node must carry the same configuration and symbols), registered in
 * the directory (which refuses a taken id), then the entity is woken through sharding. An id is looked up in the
 * directory before its entity is asked, so no entity is ever created for an unknown id; ids that exist are
 * remembered here (sessions are never deleted). Start it once per node, with that node's dependencies.
 *
 * <p>Reads keep answering during a failover, on every member: every entity publishes its view to all members
 * ({@link SessionViewBoard}, every {@code peaktrade.cluster.session-views.publish-interval}), and this node keeps
 * every spec it has seen. When the directory singleton does not answer (it lived on the crashed member), the list is
 * made of the specs seen and the sessions on the board; when a session's entity does not answer within
 * {@code view-wait} (its shard is moving), its last published view is shown marked
 * {@link SessionView#reachable() unreachable}. Only a session no view of has ever reached this node fails a read.
 */
public final class ShardedSessions implements SessionService {
  public static final String DIRECTORY_NAME = "session-directory";
  private static final String STOPPED_BY_OPERATOR = "stopped by an operator";

  private final ActorSystem<?> system;
  private final SessionDependencies deps;
  private final ClusterSharding sharding;
  private final ActorRef<SessionDirectory.Command> directory;
  private final Duration timeout;
  private final Duration viewWait;
  private final Map<String, SessionSpec> specs = new ConcurrentHashMap<>();
  private final SessionViewBoard board;

  private ShardedSessions(ActorSystem<?> system, SessionDependencies deps, ClusterSharding sharding,
      ActorRef<SessionDirectory.Command> directory, SessionViewBoard board, Duration viewWait) {
    this.system = system;
    this.deps = deps;
    this.sharding = sharding;
    this.directory = directory;
    this.timeout = deps.settings().askTimeout();
    this.board = board;
    this.viewWait = viewWait;
  }

  /**
   * Starts the directory singleton (or its proxy), the session-view topic and board, and this node's shard region;
   * the journal must be ready.
   */
  public static ShardedSessions start(ActorSystem<?> system, SessionDependencies deps) {
    SessionViewSettings viewSettings = SessionViewSettings.fromConfig(deps.config());
    ActorRef<SessionDirectory.Command> directory = ClusterSingleton.get(system)
        .init(SingletonActor.of(SessionDirectory.create(deps.clock()), DIRECTORY_NAME));
    ActorRef<Topic.Command<SessionView>> views = system.systemActorOf(
        Topic.create(SessionView.class, SessionViewBoard.TOPIC), "session-views-topic", Props.empty());
    SessionViewBoard board = new SessionViewBoard();
    board.subscribe(system, views);
    ClusterSharding sharding = ClusterSharding.get(system);
    sharding.init(Entity.of(SessionEntity.TYPE_KEY, context -> SessionEntity.create(context.getEntityId(), deps,
            directory, views, viewSettings.publishInterval()))
        .withSettings(ClusterShardingSettings.create(system).withRememberEntities(true)
            .withRememberEntitiesStoreMode(ClusterShardingSettings.rememberEntitiesStoreModeEventSourced())));
    return new ShardedSessions(system, deps, sharding, directory, board, viewSettings.viewWait());
  }

  /** This node's board of the last views published by every session of the cluster. */
  SessionViewBoard board() {
    return board;
  }

  @Override
  public CompletionStage<SessionView> start(SessionSpec spec) {
    try {
      SessionPlan.resolve(spec, deps.settings(), deps.config(), deps.feeds(), deps.modeGates(),
          deps.gateView().check(spec.id()));
    } catch (SessionRefusedException e) {
      return CompletableFuture.failedFuture(e);
    }
    return AskPattern.<SessionDirectory.Command, SessionDirectory.Registration>ask(directory,
            replyTo -> new SessionDirectory.Register(spec, replyTo), timeout, system.scheduler())
        .thenCompose(registration -> {
          if (!registration.accepted()) {
            return CompletableFuture.failedFuture(new SessionRefusedException(registration.refusal()));
          }
          specs.put(spec.id(), spec);
          return askView(spec.id(), timeout);
        });
  }

  @Override
  public CompletionStage<List<SessionView>> list() {
    // The sessions this node knows are asked at once, alongside the directory, not after it: when the directory
    // singleton died with a member, its ask and theirs time out together (one ask-timeout), not one after the other.
    Map<String, CompletableFuture<SessionView>> asked = new HashMap<>();
    specs.keySet().forEach(id -> asked.put(id, viewOrLastSeen(id).toCompletableFuture()));
    return registeredSpecs().thenCompose(registered -> {
      List<CompletableFuture<SessionView>> views = new ArrayList<>();
      for (SessionSpec spec : registered) {
        views.add(asked.computeIfAbsent(spec.id(), id -> viewOrLastSeen(id).toCompletableFuture()));
      }
      return CompletableFuture.allOf(views.toArray(CompletableFuture[]::new)).thenApply(done -> views.stream()
          .map(CompletableFuture::join).sorted(Comparator.comparing(view -> view.spec().id())).toList());
    });
  }

  @Override
  public CompletionStage<Optional<SessionView>> get(String sessionId) {
    return exists(sessionId).thenCompose(exists -> exists
        ? viewOrLastSeen(sessionId).thenApply(Optional::of)
        : CompletableFuture.completedFuture(Optional.<SessionView>empty()));
  }

  /**
   * The directory's specs; when the directory does not answer, the specs this node has seen and those of the views
   * on the board (fails only when there are none).
   */
  private CompletionStage<List<SessionSpec>> registeredSpecs() {
    return AskPattern.<SessionDirectory.Command, SessionDirectory.Specs>ask(directory,
            SessionDirectory.ListSpecs::new, viewWait, system.scheduler())
        .thenApply(answer -> {
          answer.specs().forEach(spec -> specs.put(spec.id(), spec));
          return answer.specs();
        })
        .exceptionallyCompose(failure -> {
          Map<String, SessionSpec> known = new HashMap<>();
          board.all().forEach(view -> known.put(view.spec().id(), view.spec()));
          known.putAll(specs);
          return known.isEmpty() ? CompletableFuture.failedFuture(failure)
              : CompletableFuture.completedFuture(List.copyOf(known.values()));
        });
  }

  /**
   * The session's view from its entity; its last view (published or seen here) marked unreachable when the entity
   * does not answer within view-wait.
   */
  private CompletionStage<SessionView> viewOrLastSeen(String sessionId) {
    return askView(sessionId, viewWait).exceptionallyCompose(failure -> board.get(sessionId)
        .map(last -> CompletableFuture.completedFuture(last.unreachable()))
        .orElseGet(() -> CompletableFuture.failedFuture(failure)));
  }

  private CompletionStage<SessionView> askView(String sessionId, Duration wait) {
    return this.<SessionView>askEntity(sessionId, SessionEntity.GetView::new, wait).thenApply(view -> {
      board.offer(view);
      return view;
    });
  }

  @Override
  public CompletionStage<Optional<SessionView>> stop(String sessionId) {
    return onSession(sessionId, replyTo -> new SessionEntity.Stop(STOPPED_BY_OPERATOR, replyTo),
        (SessionView view) -> {
          board.offer(view);
          return view;
        });
  }

  @Override
  public CompletionStage<Optional<List<OrderView>>> orders(String sessionId) {
    return onSession(sessionId, SessionEntity.GetOrders::new, SessionEntity.Orders::orders);
  }

  @Override
  public CompletionStage<Optional<List<Fill>>> fills(String sessionId) {
    return onSession(sessionId, SessionEntity.GetFills::new, SessionEntity.Fills::fills);
  }

  @Override
  public CompletionStage<Optional<List<PositionView>>> positions(String sessionId) {
    return onSession(sessionId, SessionEntity.GetPositions::new, SessionEntity.Positions::positions);
  }

  @Override
  public CompletionStage<Optional<List<EquityPoint>>> equity(String sessionId) {
    return onSession(sessionId, SessionEntity.GetEquity::new, SessionEntity.Equity::points);
  }

  /** Asks the session's entity when the directory knows the id; empty otherwise. */
  private <W, T> CompletionStage<Optional<T>> onSession(String sessionId,
      Function<ActorRef<W>, SessionEntity.Command> command, Function<W, T> unwrap) {
    return exists(sessionId).thenCompose(exists -> exists
        ? askEntity(sessionId, command).thenApply(answer -> Optional.of(unwrap.apply(answer)))
        : CompletableFuture.completedFuture(Optional.<T>empty()));
  }

  private CompletionStage<Boolean> exists(String sessionId) {
    if (specs.containsKey(sessionId)) {
      return CompletableFuture.completedFuture(true);
    }
    return AskPattern.<SessionDirectory.Command, SessionDirectory.Found>ask(directory,
            replyTo -> new SessionDirectory.Lookup(sessionId, replyTo), timeout, system.scheduler())
        .thenApply(found -> {
          found.spec().ifPresent(spec -> specs.put(spec.id(), spec));
          return found.spec().isPresent();
        });
  }

  private <T> CompletionStage<T> askEntity(String sessionId, Function<ActorRef<T>, SessionEntity.Command> command) {
    return askEntity(sessionId, command, timeout);
  }

  private <T> CompletionStage<T> askEntity(String sessionId, Function<ActorRef<T>, SessionEntity.Command> command,
      Duration wait) {
    return sharding.entityRefFor(SessionEntity.TYPE_KEY, sessionId).ask(command::apply, wait);
  }
}
