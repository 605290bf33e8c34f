package org.peaktrade.actors.killswitch;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.peaktrade.engine.time.Ticker;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;

/**
 * Single-node home of the kill-switch entities: creates one {@link KillSwitch} child per scope on first use and
 * forwards commands to it ({@link KillSwitchEntities#local()}; in a cluster, sharding stands here instead). It is
 * also the home of the approvers' {@link ApproverGuard}s on this node (one child per approver, on
 * {@link ApproverGuard#DISPATCHER}).
 *
 * <p>A session scope's entity that has received nothing for {@link KillSwitchSettings#idleTimeout} is passivated:
 * it is told {@link KillSwitch.Passivate} (so a write in flight completes first), forgotten, and the next command
 * starts it again from the journal (a KILLED switch reads KILLED). Commands that arrive while it stops are kept and
 * delivered to its successor, so at most one entity per persistence id runs. The node's gate asks for a running
 * session's status every few seconds through here, so only switches of stopped (or never-traded) sessions go idle;
 * the global switch is never passivated. An entity that stops by itself (e.g. a failed recovery) is forgotten too
 * and created afresh by the next command. Talks to: its {@link KillSwitch} and {@link ApproverGuard} children;
 * {@link KillSwitchRuntime} asks.
 */
public final class KillSwitchRegistry {
  /** The registry's name under {@code /system} when {@link #start started} for a node. */
  public static final String NAME = "kill-switches";
  /** At most this many commands wait for a stopping entity; more are dropped (their askers time out). */
  static final int MAX_BUFFERED = 1000;

  public sealed interface Command {}

  /** Hands {@code command} to the entity for {@code scope}, creating it if needed. */
  public record Deliver(KillSwitchScope scope, KillSwitch.Command command) implements Command {}

  /** Answers the scopes whose entities run now (passivated and stopping ones excluded). */
  public record GetEntities(ActorRef<Set<KillSwitchScope>> replyTo) implements Command {}

  private enum PassivateIdle implements Command { INSTANCE }

  private record EntityStopped(KillSwitchScope scope, ActorRef<KillSwitch.Command> entity) implements Command {}

  /** A running entity and when (System.nanoTime) it was last handed a command. */
  private static final class Running {
    final ActorRef<KillSwitch.Command> entity;
    long lastUsed;

    Running(ActorRef<KillSwitch.Command> entity, long lastUsed) {
      this.entity = entity;
      this.lastUsed = lastUsed;
    }
  }

  /** Hands {@code command} to the guard of {@code approverKey}, creating it if needed. */
  record DeliverToGuard(String approverKey, ApproverGuard.Command command) implements Command {}

  private record GuardStopped(String approverKey) implements Command {}

  private final ActorContext<Command> context;
  private final KillSwitchSettings settings;
  private final Clock clock;
  private final Ticker ticker;
  private final ActorRef<Topic.Command<KillSwitchStatus>> statusTopic;
  private final Map<KillSwitchScope, Running> running = new HashMap<>();
  private final Map<KillSwitchScope, List<KillSwitch.Command>> stopping = new HashMap<>();
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
    return Behaviors.setup(context -> Behaviors.withTimers(timers -> {
      Duration sweep = settings.idleTimeout().dividedBy(2);
      timers.startTimerWithFixedDelay(PassivateIdle.INSTANCE, sweep.isZero() ? settings.idleTimeout() : sweep);
      return new KillSwitchRegistry(context, settings, clock, ticker, statusTopic).behavior();
    }));
  }

  /** Spawns the registry as the system actor {@value #NAME} and asks through it. */
  static KillSwitchEntities start(ActorSystem<?> system, KillSwitchSettings settings, Clock clock, Ticker ticker,
      ActorRef<Topic.Command<KillSwitchStatus>> statusTopic) {
    ActorRef<Command> registry =
        system.systemActorOf(create(settings, clock, ticker, statusTopic), NAME, KillSwitch.DISPATCHER_SELECTOR);
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

  /**
   * The scopes whose entities run now in the registry that {@link #start} made for {@code system} (diagnostics and
   * tests; fails when the node runs its switches with cluster sharding instead).
   */
  public static CompletionStage<Set<KillSwitchScope>> entities(ActorSystem<?> system, Duration timeout) {
    return system.classicSystem().actorSelection("/system/" + NAME).resolveOne(timeout)
        .thenCompose(registry -> AskPattern.<Command, Set<KillSwitchScope>>ask(Adapter.toTyped(registry),
            GetEntities::new, timeout, system.scheduler()));
  }

  private Behavior<Command> behavior() {
    return Behaviors.receive(Command.class)
        .onMessage(Deliver.class, this::onDeliver)
        .onMessage(GetEntities.class, this::onGetEntities)
        .onMessageEquals(PassivateIdle.INSTANCE, this::onPassivateIdle)
        .onMessage(EntityStopped.class, this::onEntityStopped)
        .onMessage(DeliverToGuard.class, this::onDeliverToGuard)
        .onMessage(GuardStopped.class, this::onGuardStopped)
        .build();
  }

  private Behavior<Command> onDeliver(Deliver deliver) {
    List<KillSwitch.Command> waiting = stopping.get(deliver.scope());
    if (waiting != null) {
      if (waiting.size() < MAX_BUFFERED) {
        waiting.add(deliver.command());
      } else {
        context.getLog().warn("kill switch {} is stopping and {} commands wait for it; dropped one",
            deliver.scope(), MAX_BUFFERED);
      }
      return Behaviors.same();
    }
    Running entity = running.computeIfAbsent(deliver.scope(), this::spawn);
    entity.lastUsed = System.nanoTime();
    entity.entity.tell(deliver.command());
    return Behaviors.same();
  }

  private Behavior<Command> onGetEntities(GetEntities get) {
    get.replyTo().tell(Set.copyOf(running.keySet()));
    return Behaviors.same();
  }

  private Behavior<Command> onPassivateIdle() {
    long now = System.nanoTime();
    long idleNanos = settings.idleTimeout().toNanos();
    List<KillSwitchScope> idle = running.entrySet().stream()
        .filter(entry -> !entry.getKey().isGlobal() && now - entry.getValue().lastUsed >= idleNanos)
        .map(Map.Entry::getKey)
        .toList();
    for (KillSwitchScope scope : idle) {
      running.remove(scope).entity.tell(KillSwitch.Passivate.INSTANCE);
      stopping.put(scope, new ArrayList<>());
    }
    if (!idle.isEmpty()) {
      context.getLog().debug("passivating {} idle kill switch(es): {}", idle.size(), idle);
    }
    return Behaviors.same();
  }

  /** Forgets the entity (stopped by passivation or by itself); commands that waited for it start its successor. */
  private Behavior<Command> onEntityStopped(EntityStopped stopped) {
    Running current = running.get(stopped.scope());
    if (current != null && current.entity.equals(stopped.entity())) {
      running.remove(stopped.scope());
    }
    List<KillSwitch.Command> waiting = stopping.remove(stopped.scope());
    if (waiting != null && !waiting.isEmpty()) {
      Running successor = running.computeIfAbsent(stopped.scope(), this::spawn);
      successor.lastUsed = System.nanoTime();
      waiting.forEach(successor.entity::tell);
    }
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

  private Running spawn(KillSwitchScope scope) {
    ActorRef<KillSwitch.Command> entity =
        context.spawn(KillSwitch.create(scope, settings, clock, ticker, statusTopic), "kill-switch-" + scope.value(),
            KillSwitch.DISPATCHER_SELECTOR);
    context.watchWith(entity, new EntityStopped(scope, entity));
    return new Running(entity, System.nanoTime());
  }
}
