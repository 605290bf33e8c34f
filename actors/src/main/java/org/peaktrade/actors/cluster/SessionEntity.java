package org.peaktrade.actors.cluster;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.peaktrade.actors.session.SessionDependencies;
import org.peaktrade.actors.session.SessionPlan;
import org.peaktrade.actors.session.SessionRefusedException;
import org.peaktrade.actors.session.TradingSession;
import org.peaktrade.protocol.CborSerializable;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.session.EquityPoint;
import org.peaktrade.protocol.session.OrderView;
import org.peaktrade.protocol.session.PositionView;
import org.peaktrade.protocol.session.SessionSpec;
import org.peaktrade.protocol.session.SessionView;

/**
 * One trading session as a sharded entity (type {@code session}, entity id = session id, remembered so that it is
 * started again after a rebalance, a node crash or a full restart). On start it asks the {@link SessionDirectory}
 * for its spec (retrying while the singleton moves), resolves it against this node's feeds and settings, and runs the
 * {@link TradingSession} as its child, which recovers from its own journal ({@code session|<id>}) wherever it runs:
 * the order sequence, ledger and last processed bar come back with it, so a session that moves never repeats an
 * order id. Commands that arrive before that are stashed. The entity relays the serializable commands below to the
 * child, wrapping list answers so they can cross nodes. A spec that does not resolve on this node (e.g. its symbol
 * has no feed here) is logged and the entity stops; sharding starts a remembered entity again after its restart
 * backoff. While it runs it publishes its session's view on the {@link SessionViewBoard#TOPIC} topic every
 * {@code publish-interval}, so every member can show it while the entity cannot answer. Talks to: the directory, its
 * {@link TradingSession} child, the view topic.
 */
public final class SessionEntity {
  public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, TradingSession.ENTITY_TYPE);
  private static final Duration LOOKUP_RETRY = Duration.ofSeconds(1);
  private static final int STASH_CAPACITY = 1000;

  public sealed interface Command {}

  /** What other nodes send (through sharding); the entity's own messages stay on its node. */
  public sealed interface Request extends Command, CborSerializable {}

  public record GetView(ActorRef<SessionView> replyTo) implements Request {}

  public record GetOrders(ActorRef<Orders> replyTo) implements Request {}

  public record GetFills(ActorRef<Fills> replyTo) implements Request {}

  public record GetPositions(ActorRef<Positions> replyTo) implements Request {}

  public record GetEquity(ActorRef<Equity> replyTo) implements Request {}

  public record Stop(String reason, ActorRef<SessionView> replyTo) implements Request {}

  public record Orders(List<OrderView> orders) implements CborSerializable {}

  public record Fills(List<Fill> fills) implements CborSerializable {}

  public record Positions(List<PositionView> positions) implements CborSerializable {}

  public record Equity(List<EquityPoint> points) implements CborSerializable {}

  private record SpecFound(SessionDirectory.Found found, Throwable failure) implements Command {}

  private record Relay<T>(ActorRef<T> replyTo, T answer, Throwable failure) implements Command {}

  private record SessionStopped() implements Command {}

  private enum RetryLookup implements Command { INSTANCE }

  private enum PublishView implements Command { INSTANCE }

  private record ViewToPublish(SessionView view) implements Command {}

  private final ActorContext<Command> context;
  private final String sessionId;
  private final SessionDependencies deps;
  private final ActorRef<SessionDirectory.Command> directory;
  private final ActorRef<Topic.Command<SessionView>> views;
  private final Duration publishInterval;

  private SessionEntity(ActorContext<Command> context, String sessionId, SessionDependencies deps,
      ActorRef<SessionDirectory.Command> directory, ActorRef<Topic.Command<SessionView>> views,
      Duration publishInterval) {
    this.context = context;
    this.sessionId = sessionId;
    this.deps = deps;
    this.directory = directory;
    this.views = views;
    this.publishInterval = publishInterval;
  }

  /** The entity of {@code sessionId}; it publishes its view on {@code views} every {@code publishInterval}. */
  public static Behavior<Command> create(String sessionId, SessionDependencies deps,
      ActorRef<SessionDirectory.Command> directory, ActorRef<Topic.Command<SessionView>> views,
      Duration publishInterval) {
    return Behaviors.setup(context -> Behaviors.withStash(STASH_CAPACITY, stash -> Behaviors.withTimers(timers ->
        new SessionEntity(context, sessionId, deps, directory, views, publishInterval).lookingUp(stash, timers))));
  }

  private Behavior<Command> lookingUp(StashBuffer<Command> stash, TimerScheduler<Command> timers) {
    lookup();
    return Behaviors.receive(Command.class)
        .onMessage(SpecFound.class, found -> onSpecFound(found, stash, timers))
        .onMessageEquals(RetryLookup.INSTANCE, () -> {
          lookup();
          return Behaviors.same();
        })
        .onMessage(Command.class, command -> {
          stash.stash(command);
          return Behaviors.same();
        })
        .build();
  }

  private void lookup() {
    context.ask(SessionDirectory.Found.class, directory, deps.settings().askTimeout(),
        replyTo -> new SessionDirectory.Lookup(sessionId, replyTo), SpecFound::new);
  }

  private Behavior<Command> onSpecFound(SpecFound found, StashBuffer<Command> stash, TimerScheduler<Command> timers) {
    if (found.failure() != null) {
      context.getLog().warn("session {}: the session directory did not answer ({}); asking again",
          sessionId, found.failure().toString());
      timers.startSingleTimer(RetryLookup.INSTANCE, LOOKUP_RETRY);
      return Behaviors.same();
    }
    if (found.found().spec().isEmpty()) {
      context.getLog().error("session {}: no such session in the directory; entity stopped", sessionId);
      return Behaviors.stopped();
    }
    SessionSpec spec = found.found().spec().get();
    SessionPlan plan;
    try {
      plan = SessionPlan.resolve(spec, deps.settings(), deps.config(), deps.feeds(), deps.modeGates(),
          deps.gateView().check(spec.id()));
    } catch (SessionRefusedException e) {
      context.getLog().error("session {} cannot run on this node: {}", sessionId, e.getMessage());
      return Behaviors.stopped();
    }
    ActorRef<TradingSession.Command> session = context.spawn(TradingSession.create(plan, deps), "session");
    context.watchWith(session, new SessionStopped());
    timers.startTimerWithFixedDelay(PublishView.INSTANCE, publishInterval);
    return stash.unstashAll(running(session));
  }

  private Behavior<Command> running(ActorRef<TradingSession.Command> session) {
    ActorRef<SessionView> toPublish = context.messageAdapter(SessionView.class, ViewToPublish::new);
    return Behaviors.receive(Command.class)
        .onMessageEquals(PublishView.INSTANCE, () -> {
          session.tell(new TradingSession.GetView(toPublish));
          return Behaviors.same();
        })
        .onMessage(ViewToPublish.class, publish -> {
          views.tell(Topic.publish(publish.view()));
          return Behaviors.same();
        })
        .onMessage(GetView.class, get -> {
          session.tell(new TradingSession.GetView(get.replyTo()));
          return Behaviors.same();
        })
        .onMessage(Stop.class, stop -> {
          session.tell(new TradingSession.Stop(stop.reason(), stop.replyTo()));
          return Behaviors.same();
        })
        .onMessage(GetOrders.class, get -> relay(session, TradingSession.GetOrders::new, Orders::new, get.replyTo()))
        .onMessage(GetFills.class, get -> relay(session, TradingSession.GetFills::new, Fills::new, get.replyTo()))
        .onMessage(GetPositions.class,
            get -> relay(session, TradingSession.GetPositions::new, Positions::new, get.replyTo()))
        .onMessage(GetEquity.class, get -> relay(session, TradingSession.GetEquity::new, Equity::new, get.replyTo()))
        .onMessage(Relay.class, this::onRelay)
        .onMessage(SessionStopped.class, stopped -> {
          context.getLog().error("session {}: the session actor stopped; the entity stops with it", sessionId);
          return Behaviors.stopped();
        })
        .build();
  }

  /** Asks the local session for a list and answers {@code replyTo} with it wrapped in a serializable record. */
  @SuppressWarnings("unchecked")
  private <L, W> Behavior<Command> relay(ActorRef<TradingSession.Command> session,
      Function<ActorRef<List<L>>, TradingSession.Command> query, Function<List<L>, W> wrap, ActorRef<W> replyTo) {
    Class<List<L>> listClass = (Class<List<L>>) (Class<?>) List.class;
    context.ask(listClass, session, deps.settings().askTimeout(), query::apply,
        (answer, failure) -> new Relay<>(replyTo, answer == null ? null : wrap.apply(answer), failure));
    return Behaviors.same();
  }

  private Behavior<Command> onRelay(Relay<?> relay) {
    if (relay.failure() != null) {
      context.getLog().warn("session {}: no answer from the session actor: {}", sessionId,
          relay.failure().toString());
    } else {
      deliver(relay);
    }
    return Behaviors.same();
  }

  private static <T> void deliver(Relay<T> relay) {
    relay.replyTo().tell(relay.answer());
  }
}
