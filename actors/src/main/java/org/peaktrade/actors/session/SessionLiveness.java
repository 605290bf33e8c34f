package org.peaktrade.actors.session;

import java.time.Duration;
import java.time.Instant;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.peaktrade.actors.session.TradingSession.Command;
import org.peaktrade.actors.session.TradingSession.Tick;
import org.peaktrade.actors.watchdog.Watchdog;
import org.peaktrade.engine.watchdog.SourceKind;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.killswitch.KillSwitchScope;

/**
 * A trading session's liveness duties: registered with the {@link Watchdog} as a component and heartbeating to it
 * every {@code heartbeat-interval} ({@link Tick#HEARTBEAT}), and the stale-market-data timer ({@link Tick#STALE}),
 * armed for {@code first-bar-timeout} before the first bar and re-armed by every new bar for {@code stale-after-bars}
 * of its intervals. The session decides what a tick means for its state; this class only keeps the timers, talks to
 * the watchdog and says why the data is stale.
 */
final class SessionLiveness {
  private static final String HEARTBEAT_TIMER = "heartbeat";
  private static final String STALE_TIMER = "stale";
  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private final SessionPlan plan;
  private final SessionDependencies deps;
  private final SessionSettings settings;
  private final KillSwitchScope scope;

  SessionLiveness(ActorContext<Command> context, TimerScheduler<Command> timers, SessionPlan plan,
      SessionDependencies deps) {
    this.context = context;
    this.timers = timers;
    this.plan = plan;
    this.deps = deps;
    this.settings = deps.settings();
    this.scope = KillSwitchScope.session(plan.id());
  }

  /**
   * Registers with the watchdog, as the owner of its source (so the watchdog drops it when the session's actor stops,
   * whatever stopped it), and starts the heartbeat and the stale timer ({@code lastBar} null: none yet).
   */
  void start(Bar lastBar) {
    deps.watchdog().tell(new Watchdog.Register(scope.value(), settings.heartbeatTimeout(), scope,
        SourceKind.COMPONENT, context.getSelf()));
    timers.startTimerWithFixedDelay(HEARTBEAT_TIMER, Tick.HEARTBEAT, settings.heartbeatInterval());
    armStaleTimer(lastBar);
  }

  /** Restarts the stale timer from now, for the wait after {@code last}. */
  void armStaleTimer(Bar last) {
    timers.startSingleTimer(STALE_TIMER, Tick.STALE, staleAfter(last));
  }

  void heartbeat() {
    deps.watchdog().tell(new Watchdog.Heartbeat(scope.value()));
  }

  /**
   * The stale timer fired with {@code last} the last bar processed: logs that new orders pause, escalates to the
   * watchdog when {@code escalate-stale-data} says so, and returns the reason the session records.
   */
  String staleDataNoticed(Bar last) {
    String reason = last == null ? "market data stale: no bar since the session started"
        : "market data stale: no bar after the one of " + last.openTime() + " for " + staleAfter(last);
    context.getLog().warn("session {}: {}; new orders paused", plan.id(), reason);
    if (settings.escalateStaleData()) {
      Instant lastSeen = last == null ? deps.clock().instant() : last.closeTime();
      deps.watchdog().tell(new Watchdog.StaleMarketData(plan.symbol(), lastSeen, scope));
    }
    return reason;
  }

  /** Cancels the timers and unregisters from the watchdog. */
  void stop() {
    timers.cancel(HEARTBEAT_TIMER);
    timers.cancel(STALE_TIMER);
    deps.watchdog().tell(new Watchdog.Unregister(scope.value()));
  }

  private Duration staleAfter(Bar last) {
    return last == null ? settings.firstBarTimeout() : last.interval().multipliedBy(settings.staleAfterBars());
  }
}
