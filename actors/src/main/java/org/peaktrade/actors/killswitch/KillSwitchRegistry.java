package org.peaktrade.actors.killswitch;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.peaktrade.protocol.CborSerializable;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;

/**
 * Finds or starts the kill-switch entity of a scope on this node and forwards commands to it. A single-node
 * stand-in for cluster sharding: the entity id is the scope, the persistence id {@code kill-switch|SCOPE}. An entity
 * restarts itself with backoff when its journal fails (see {@link KillSwitch}).
 */
public final class KillSwitchRegistry extends AbstractBehavior<KillSwitchRegistry.Command> {

  public sealed interface Command extends CborSerializable {}

  public record Forward(KillSwitchScope scope, KillSwitch.Command command) implements Command {}

  private final KillSwitchSettings settings;
  private final Clock clock;
  private final ActorRef<Topic.Command<KillSwitchStatus>> topic;
  private final Map<KillSwitchScope, ActorRef<KillSwitch.Command>> entities = new HashMap<>();

  public static Behavior<Command> create(KillSwitchSettings settings, Clock clock,
      ActorRef<Topic.Command<KillSwitchStatus>> topic) {
    return Behaviors.setup(context -> new KillSwitchRegistry(context, settings, clock, topic));
  }

  private KillSwitchRegistry(ActorContext<Command> context, KillSwitchSettings settings, Clock clock,
      ActorRef<Topic.Command<KillSwitchStatus>> topic) {
    super(context);
    this.settings = settings;
    this.clock = clock;
    this.topic = topic;
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder().onMessage(Forward.class, this::onForward).build();
  }

  private Behavior<Command> onForward(Forward forward) {
    entities.computeIfAbsent(forward.scope(), this::spawn).tell(forward.command());
    return this;
  }

  private ActorRef<KillSwitch.Command> spawn(KillSwitchScope scope) {
    return getContext().spawn(KillSwitch.create(scope, settings.policy(), clock, topic, settings.snapshotEvery()),
        URLEncoder.encode(scope.value(), StandardCharsets.UTF_8));
  }
}
