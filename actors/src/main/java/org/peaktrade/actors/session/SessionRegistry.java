package org.peaktrade.actors.session;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.peaktrade.protocol.CborSerializable;
import org.peaktrade.protocol.session.SessionSpec;

/**
 * The node's sessions (single node; cluster sharding comes later), event-sourced under the persistence id
 * {@code session-registry} so that the sessions started before a node restart are started again after it: the
 * registry remembers each spec, and on recovery it spawns every session, which recovers from its own journal (a
 * stopped one stays stopped and only answers queries). {@link Start} checks the spec against this node
 * ({@link SessionPlan#resolve}: strategy, parameters, sizing, risk profile, feed, mode gates) and refuses a taken id.
 * A registration the journal does not take (the database is down) goes unanswered, and the registry restarts with
 * backoff and recovers once the journal is back; its sessions are not stopped for it and keep running (each handles
 * its own journal failures). It runs on its own dispatcher ({@link SessionRuntime#DISPATCHER}), its sessions on the
 * default one. Talks to: the sessions it spawns; {@link SessionRuntime} asks it.
 */
public final class SessionRegistry extends EventSourcedBehaviorWithEnforcedReplies<SessionRegistry.Command,
    SessionRegistry.Event, SessionRegistry.State> {
  public static final PersistenceId PERSISTENCE_ID = PersistenceId.ofUniqueId("session-registry");

  public sealed interface Command {}

  public record Start(SessionSpec spec, ActorRef<StartReply> replyTo) implements Command {}

  public record Find(String sessionId, ActorRef<Optional<ActorRef<TradingSession.Command>>> replyTo)
      implements Command {}

  /** Every running session by id, in the order they were first started. */
  public record ListSessions(ActorRef<Map<String, ActorRef<TradingSession.Command>>> replyTo) implements Command {}

  private record SessionTerminated(String sessionId) implements Command {}

  public sealed interface StartReply {}

  public record Started(ActorRef<TradingSession.Command> session) implements StartReply {}

  public record Refused(String reason) implements StartReply {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({@JsonSubTypes.Type(value = Event.SessionRegistered.class, name = "session-registered")})
  public sealed interface Event extends CborSerializable {
    record SessionRegistered(SessionSpec spec, Instant at) implements Event {}
  }

  /** The specs of every session ever started on this node, by id, in start order. */
  public record State(Map<String, SessionSpec> specs) implements CborSerializable {
    public State {
      specs = Collections.unmodifiableMap(new LinkedHashMap<>(specs));
    }

    public State withSpec(SessionSpec spec) {
      Map<String, SessionSpec> next = new LinkedHashMap<>(specs);
      next.put(spec.id(), spec);
      return new State(next);
    }
  }

  private final ActorContext<Command> context;
  private final SessionDependencies deps;
  private final Map<String, ActorRef<TradingSession.Command>> running = new LinkedHashMap<>();
  private final Map<String, String> unavailable = new HashMap<>();

  private SessionRegistry(ActorContext<Command> context, SessionDependencies deps) {
    super(PERSISTENCE_ID, SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(10), 0.2)
        .withStopChildren(false));
    this.context = context;
    this.deps = deps;
  }

  public static Behavior<Command> create(SessionDependencies deps) {
    return Behaviors.setup(context -> new SessionRegistry(context, deps));
  }

  @Override
  public State emptyState() {
    return new State(Map.of());
  }

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder().forAnyState()
        .onCommand(Start.class, this::onStart)
        .onCommand(Find.class, (state, find) ->
            Effect().reply(find.replyTo(), Optional.ofNullable(running.get(find.sessionId()))))
        .onCommand(ListSessions.class, (state, list) ->
            Effect().reply(list.replyTo(), Collections.unmodifiableMap(new LinkedHashMap<>(running))))
        .onCommand(SessionTerminated.class, this::onSessionTerminated)
        .build();
  }

  private ReplyEffect<Event, State> onStart(State state, Start start) {
    SessionSpec spec = start.spec();
    if (state.specs().containsKey(spec.id())) {
      return Effect().reply(start.replyTo(), new Refused("session id '" + spec.id() + "' is taken"
          + (unavailable.containsKey(spec.id()) ? " (" + unavailable.get(spec.id()) + ")" : "")));
    }
    SessionPlan plan;
    try {
      plan = resolve(spec);
    } catch (SessionRefusedException e) {
      return Effect().reply(start.replyTo(), new Refused(e.getMessage()));
    }
    return Effect().persist(new Event.SessionRegistered(spec, deps.clock().instant()))
        .thenRun((State next) -> spawn(plan))
        .thenReply(start.replyTo(), next -> new Started(running.get(spec.id())));
  }

  private ReplyEffect<Event, State> onSessionTerminated(State state, SessionTerminated terminated) {
    running.remove(terminated.sessionId());
    unavailable.put(terminated.sessionId(), "the session actor stopped; restart the node to resume it");
    context.getLog().error("session {} stopped unexpectedly; it resumes when the node restarts",
        terminated.sessionId());
    return Effect().noReply();
  }

  private SessionPlan resolve(SessionSpec spec) {
    return SessionPlan.resolve(spec, deps.settings(), deps.config(), deps.feeds(), deps.modeGates(),
        deps.gateView().check(spec.id()));
  }

  private void spawn(SessionPlan plan) {
    ActorRef<TradingSession.Command> session =
        context.spawn(TradingSession.create(plan, deps), "session-" + plan.id(),
            DispatcherSelector.defaultDispatcher());
    context.watchWith(session, new SessionTerminated(plan.id()));
    running.put(plan.id(), session);
  }

  /**
   * Starts every session this node had started, each from its own journal; one still running (this registry
   * restarted after a failed write, its sessions did not) is kept.
   */
  private void resumeAll(State state) {
    List<String> failed = new ArrayList<>();
    for (SessionSpec spec : state.specs().values()) {
      if (running.containsKey(spec.id())) {
        continue;
      }
      try {
        spawn(resolve(spec));
      } catch (SessionRefusedException e) {
        unavailable.put(spec.id(), e.getMessage());
        failed.add(spec.id());
        context.getLog().error("session {} cannot resume on this node: {}", spec.id(), e.getMessage());
      }
    }
    if (!state.specs().isEmpty()) {
      context.getLog().info("resumed {} of {} session(s){}", state.specs().size() - failed.size(),
          state.specs().size(), failed.isEmpty() ? "" : "; not resumed: " + failed);
    }
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState()
        .onEvent(Event.SessionRegistered.class, (state, registered) -> state.withSpec(registered.spec()))
        .build();
  }

  @Override
  public SignalHandler<State> signalHandler() {
    return newSignalHandlerBuilder().onSignal(RecoveryCompleted.instance(), this::resumeAll).build();
  }
}
