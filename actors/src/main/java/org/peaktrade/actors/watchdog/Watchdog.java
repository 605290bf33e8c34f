package org.peaktrade.actors.watchdog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.peaktrade.actors.killswitch.KillSwitchService;
import org.peaktrade.actors.killswitch.KillTriggerDelivery;
import org.peaktrade.actors.killswitch.TriggerSource;
import org.peaktrade.engine.watchdog.Heartbeats;
import org.peaktrade.engine.watchdog.SourceFreshness;
import org.peaktrade.engine.watchdog.SourceKind;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.TriggerKind;

/**
 * The watchdog trigger: a registry of heartbeat sources (sessions, market-data feeds, components), each with its
 * own timeout and kill scope. One keyed timer per source, restarted by every heartbeat; when it fires the source's
 * scope is killed with kind WATCHDOG. A missed source fires once and is quiet until it beats again. Stale market
 * data and a child that exhausted its restart budget ({@link BudgetedSupervisor}) fire it too. Every kind of trigger
 * is handed to its {@link KillTriggerDelivery} child, which retries it until the switch records it. It answers
 * {@link GetFreshness} for the recovery health check {@link MarketDataFreshCheck}. Last-seen times come from the
 * injected clock.
 *
 * <p>A source registered with an {@code owner} (a trading session registers itself) is watched: when the owner
 * stops, however it stops (passivation, hand-off or rebalance of its shard, a crash, its node leaving), the source is
 * dropped as if unregistered, so a session that moved away is never missed here. A source re-registered by a newer
 * owner (the session started again on this node) is kept when the older owner's stop arrives.
 */
public final class Watchdog extends AbstractBehavior<Watchdog.Command> {

  public sealed interface Command {}

  /**
   * Watch {@code source}: registering counts as its first heartbeat; re-registering replaces the entry. With an
   * {@code owner} (null: none) the source is dropped once the owner stops.
   */
  public record Register(String source, Duration timeout, KillSwitchScope scope, SourceKind kind, ActorRef<?> owner)
      implements Command {
    public Register {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(kind, "kind");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("heartbeat timeout must be positive: " + timeout);
      }
    }

    public Register(String source, Duration timeout, KillSwitchScope scope, SourceKind kind) {
      this(source, timeout, scope, kind, null);
    }

    public Register(String source, Duration timeout, KillSwitchScope scope) {
      this(source, timeout, scope, SourceKind.COMPONENT);
    }
  }

  /** A source is alive; heartbeats of unregistered sources are ignored. */
  public record Heartbeat(String source) implements Command {}

  public record Unregister(String source) implements Command {}

  /**
   * {@code symbol} has not ticked since {@code lastSeen}: kills {@code scope} (a feed reports it for the global
   * scope, a trading session that escalates stale data for its own).
   */
  public record StaleMarketData(Symbol symbol, Instant lastSeen, KillSwitchScope scope) implements Command {
    public StaleMarketData {
      Objects.requireNonNull(symbol, "symbol");
      Objects.requireNonNull(scope, "scope");
    }

    /** Stale data noticed by a feed: kills the global scope. */
    public StaleMarketData(Symbol symbol, Instant lastSeen) {
      this(symbol, lastSeen, KillSwitchScope.GLOBAL);
    }
  }

  /** A supervised child was stopped for good after exhausting its restart budget: kills {@code scope}. */
  public record RestartBudgetExhausted(String child, KillSwitchScope scope) implements Command {}

  public record GetFreshness(ActorRef<Freshness> replyTo) implements Command {}

  /** Every registered source as of the watchdog clock's now. */
  public record Freshness(List<SourceFreshness> sources) {
    public Freshness {
      sources = List.copyOf(sources);
    }
  }

  private record HeartbeatMissed(String source) implements Command {}

  private final TimerScheduler<Command> timers;
  private final ActorRef<KillTriggerDelivery.Command> delivery;
  private final Clock clock;
  private final Heartbeats heartbeats = new Heartbeats();
  /** The owner of every source registered with one. */
  private final Map<String, ActorRef<?>> owners = new HashMap<>();

  public static Behavior<Command> create(KillSwitchService service, Clock clock) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new Watchdog(ctx, timers, service, clock)));
  }

  private Watchdog(ActorContext<Command> ctx, TimerScheduler<Command> timers, KillSwitchService service,
      Clock clock) {
    super(ctx);
    this.timers = timers;
    this.delivery = ctx.spawn(KillTriggerDelivery.create(service), "kill-trigger-delivery");
    this.clock = clock;
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Register.class, this::onRegister)
        .onMessage(Heartbeat.class, this::onHeartbeat)
        .onMessage(Unregister.class, this::onUnregister)
        .onMessage(HeartbeatMissed.class, this::onMissed)
        .onMessage(StaleMarketData.class, this::onStaleMarketData)
        .onMessage(RestartBudgetExhausted.class, this::onRestartBudgetExhausted)
        .onMessage(GetFreshness.class, this::onGetFreshness)
        .onSignal(Terminated.class, this::onOwnerStopped)
        .build();
  }

  private Behavior<Command> onRegister(Register register) {
    heartbeats.register(register.source(), register.timeout(), register.scope(), register.kind(), clock.instant());
    timers.startSingleTimer(register.source(), new HeartbeatMissed(register.source()), register.timeout());
    if (register.owner() == null) {
      owners.remove(register.source());
    } else {
      owners.put(register.source(), register.owner());
      getContext().watch(register.owner());
    }
    return this;
  }

  private Behavior<Command> onHeartbeat(Heartbeat heartbeat) {
    heartbeats.beat(heartbeat.source(), clock.instant()).ifPresent(timeout ->
        timers.startSingleTimer(heartbeat.source(), new HeartbeatMissed(heartbeat.source()), timeout));
    return this;
  }

  private Behavior<Command> onUnregister(Unregister unregister) {
    forget(unregister.source());
    return this;
  }

  /** Drops the sources {@code stopped} still owns; it may be watched again by a later registration. */
  private Behavior<Command> onOwnerStopped(Terminated stopped) {
    List<String> owned = owners.entrySet().stream().filter(owner -> owner.getValue().equals(stopped.getRef()))
        .map(Map.Entry::getKey).toList();
    owned.forEach(this::forget);
    return this;
  }

  private void forget(String source) {
    heartbeats.unregister(source);
    owners.remove(source);
    timers.cancel(source);
  }

  private Behavior<Command> onMissed(HeartbeatMissed missed) {
    heartbeats.freshness(missed.source(), clock.instant()).ifPresent(source -> trigger(
        TriggerSource.WATCHDOG_HEARTBEAT, source.scope(), "watchdog:heartbeat:" + source.source(),
        "no heartbeat from " + source.source() + " for " + source.age() + " (timeout " + source.timeout() + ")",
        Map.of("source", source.source(), "kind", source.kind().name(), "timeout", source.timeout().toString(),
            "lastSeen", source.lastSeen().toString())));
    return this;
  }

  private Behavior<Command> onStaleMarketData(StaleMarketData stale) {
    trigger(TriggerSource.WATCHDOG_STALE_DATA, stale.scope(), "watchdog:market-data:" + stale.symbol(),
        "market data for " + stale.symbol() + " stale since " + stale.lastSeen(),
        Map.of("symbol", stale.symbol().value(), "lastSeen", stale.lastSeen().toString()));
    return this;
  }

  private Behavior<Command> onRestartBudgetExhausted(RestartBudgetExhausted exhausted) {
    trigger(TriggerSource.WATCHDOG_RESTART_BUDGET, exhausted.scope(),
        "watchdog:restart-budget:" + exhausted.child(),
        "child " + exhausted.child() + " exhausted its restart budget and was stopped",
        Map.of("child", exhausted.child()));
    return this;
  }

  private Behavior<Command> onGetFreshness(GetFreshness get) {
    get.replyTo().tell(new Freshness(heartbeats.freshness(clock.instant())));
    return this;
  }

  private void trigger(TriggerSource source, KillSwitchScope scope, String identity, String reason,
      Map<String, String> metadata) {
    getContext().getLog().error("watchdog killing {}: {}", scope, reason);
    delivery.tell(new KillTriggerDelivery.Deliver(source, scope, TriggerKind.WATCHDOG, identity, reason, metadata));
  }
}
