package org.peaktrade.actors.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.peaktrade.actors.session.SessionRegistry;
import org.peaktrade.protocol.CborSerializable;
import org.peaktrade.protocol.session.SessionSpec;

/**
 * The cluster's list of sessions, run as a cluster singleton: it remembers the spec of every session ever started in
 * the cluster and refuses a taken id. It persists the same events under the same persistence id as the single-node
 * {@link SessionRegistry} ({@code session-registry}), so a node whose journal is shared keeps its sessions when it
 * is switched to cluster mode. It does not run sessions: each is a sharded {@link SessionEntity}, which looks its
 * spec up here when it starts on whatever node. The specs are checked against the node that received the request
 * before they are registered ({@link ShardedSessions#start}).
 * Talks to: nobody; {@link ShardedSessions} and {@link SessionEntity} ask it through the singleton proxy.
 */
public final class SessionDirectory extends EventSourcedBehaviorWithEnforcedReplies<SessionDirectory.Command,
    SessionRegistry.Event, SessionRegistry.State> {

  public sealed interface Command extends CborSerializable {}

  public record Register(SessionSpec spec, ActorRef<Registration> replyTo) implements Command {}

  public record Lookup(String sessionId, ActorRef<Found> replyTo) implements Command {}

  public record ListSpecs(ActorRef<Specs> replyTo) implements Command {}

  /** {@code refusal} is null when the session was registered. */
  public record Registration(String refusal) implements CborSerializable {
    public boolean accepted() {
      return refusal == null;
    }
  }

  public record Found(Optional<SessionSpec> spec) implements CborSerializable {}

  /** Every registered spec, in registration order. */
  public record Specs(List<SessionSpec> specs) implements CborSerializable {
    public Specs {
      specs = List.copyOf(specs);
    }
  }

  private final Clock clock;

  private SessionDirectory(Clock clock) {
    super(SessionRegistry.PERSISTENCE_ID,
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(10), 0.2));
    this.clock = clock;
  }

  public static Behavior<Command> create(Clock clock) {
    return new SessionDirectory(clock);
  }

  @Override
  public SessionRegistry.State emptyState() {
    return new SessionRegistry.State(Map.of());
  }

  @Override
  public CommandHandlerWithReply<Command, SessionRegistry.Event, SessionRegistry.State> commandHandler() {
    return newCommandHandlerWithReplyBuilder().forAnyState()
        .onCommand(Register.class, this::onRegister)
        .onCommand(Lookup.class, (state, lookup) ->
            Effect().reply(lookup.replyTo(), new Found(Optional.ofNullable(state.specs().get(lookup.sessionId())))))
        .onCommand(ListSpecs.class, (state, list) ->
            Effect().reply(list.replyTo(), new Specs(List.copyOf(state.specs().values()))))
        .build();
  }

  private ReplyEffect<SessionRegistry.Event, SessionRegistry.State> onRegister(SessionRegistry.State state,
      Register register) {
    SessionSpec spec = register.spec();
    if (state.specs().containsKey(spec.id())) {
      return Effect().reply(register.replyTo(), new Registration("session id '" + spec.id() + "' is taken"));
    }
    return Effect().persist(new SessionRegistry.Event.SessionRegistered(spec, clock.instant()))
        .thenReply(register.replyTo(), next -> new Registration(null));
  }

  @Override
  public EventHandler<SessionRegistry.State, SessionRegistry.Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState()
        .onEvent(SessionRegistry.Event.SessionRegistered.class,
            (state, registered) -> state.withSpec(registered.spec()))
        .build();
  }
}
