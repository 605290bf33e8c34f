package org.peaktrade.actors.killswitch;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.peaktrade.engine.time.Ticker;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;

/**
 * Single-node home of the kill-switch entities: creates one {@link KillSwitch} child per scope on first use and
 * forwards commands to it ({@link KillSwitchEntities#local()}; in a cluster, sharding stands here instead). An entity
 * that stopped (e.g. a failed recovery) is forgotten and created afresh by the next command. It is also the home of
 * the approvers' {@link ApproverGuard}s on this node (one child per approver, on {@link ApproverGuard#DISPATCHER}).
 */
public final class KillSwitchRegistry {

  public sealed interface Command {}

  /** Hands {@code command} to the entity for {@code scope}, creating it if needed. */
  public record Deliver(KillSwitchScope scope, KillSwitch.Command command) implements Command {}

  private record EntityStopped(KillSwitchScope scope) implements Command {}

  /** Hands {@code command} to the guard of {@code approverKey}, creating it if needed. */
  record DeliverToGuard(String approverKey, ApproverGuard.Command command) implements Command {}

  private record GuardStopped(String approverKey) implements Command {}

  private final ActorContext<Command> context;
  private final KillSwitchSettings settings;
  private final Clock clock;
  private final Ticker ticker;
  private final ActorRef<Topic.Command<KillSwitchStatus>> statusTopic;
  private final Map<KillSwitchScope, ActorRef<KillSwitch.Command>> entities = new HashMap<>();
  private final Map<String, ActorRef<ApproverGuard.Command>> guards = new HashMap<>();

  private KillSwitchRegistry(ActorContext<Command> context, KillSwitchSettings settings, Clock clock, Ticker ticker,
      ActorRef<Topic.Command<KillSwitchStatus>> statusTopic) {
    this.context = context;
    this.settings = settings;
    this.clock = clock;
    this.ticker = ticker;
    this.statusTopic = statusTopic;
  }

  public static Behavior<Command> create(KillSwitchSettings settings, Clock clock, Ticker ticker,
      ActorRef<Topic.Command<KillSwitchStatus>> statusTopic) {
    return Behaviors.setup(
        context -> new KillSwitchRegistry(context, settings, clock, ticker, statusTopic).behavior());
  }

  /** Spawns the registry as a system actor and asks through it. */
  static KillSwitchEntities start(ActorSystem<?> system, KillSwitchSettings settings, Clock clock, Ticker ticker,
      ActorRef<Topic.Command<KillSwitchStatus>> statusTopic) {
    ActorRef<Command> registry =
        system.systemActorOf(create(settings, clock, ticker, statusTopic), "kill-switches", Props.empty());
    return new KillSwitchEntities() {
      @Override
      public <T> CompletionStage<T> ask(KillSwitchScope scope,
          Function<ActorRef<T>, KillSwitch.Command> command, Duration timeout) {
        return AskPattern.ask(registry, replyTo -> new Deliver(scope, command.apply(replyTo)), timeout,
            system.scheduler());
      }

      @Override
      public void tell(KillSwitchScope scope, KillSwitch.Command command) {
        registry.tell(new Deliver(scope, command));
      }

      @Override
      public <T> CompletionStage<T> askGuard(String approverKey,
          Function<ActorRef<T>, ApproverGuard.Command> command, Duration timeout) {
        return AskPattern.ask(registry, replyTo -> new DeliverToGuard(approverKey, command.apply(replyTo)), timeout,
            system.scheduler());
      }
    };
  }

  private Behavior<Command> behavior() {
    return Behaviors.receive(Command.class)
        .onMessage(Deliver.class, this::onDeliver)
        .onMessage(EntityStopped.class, this::onEntityStopped)
        .onMessage(DeliverToGuard.class, this::onDeliverToGuard)
        .onMessage(GuardStopped.class, this::onGuardStopped)
        .build();
  }

  private Behavior<Command> onDeliver(Deliver deliver) {
    entities.computeIfAbsent(deliver.scope(), this::spawn).tell(deliver.command());
    return Behaviors.same();
  }

  private Behavior<Command> onEntityStopped(EntityStopped stopped) {
    entities.remove(stopped.scope());
    return Behaviors.same();
  }

  private Behavior<Command> onDeliverToGuard(DeliverToGuard deliver) {
    guards.computeIfAbsent(deliver.approverKey(), this::spawnGuard).tell(deliver.command());
    return Behaviors.same();
  }

  private Behavior<Command> onGuardStopped(GuardStopped stopped) {
    guards.remove(stopped.approverKey());
    return Behaviors.same();
  }

  private ActorRef<ApproverGuard.Command> spawnGuard(String approverKey) {
    ActorRef<ApproverGuard.Command> guard = context.spawn(ApproverGuard.create(approverKey, settings, clock),
        "approver-guard-" + URLEncoder.encode(approverKey, StandardCharsets.UTF_8), ApproverGuard.DISPATCHER_SELECTOR);
    context.watchWith(guard, new GuardStopped(approverKey));
    return guard;
  }

  private ActorRef<KillSwitch.Command> spawn(KillSwitchScope scope) {
    ActorRef<KillSwitch.Command> entity =
        context.spawn(KillSwitch.create(scope, settings, clock, ticker, statusTopic), "kill-switch-" + scope.value());
    context.watchWith(entity, new EntityStopped(scope));
    return entity;
  }
}
