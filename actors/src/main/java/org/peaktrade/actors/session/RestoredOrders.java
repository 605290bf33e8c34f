package org.peaktrade.actors.session;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.peaktrade.actors.killswitch.ExecutionGate;
import org.peaktrade.actors.session.TradingSession.Command;
import org.peaktrade.engine.killswitch.GateDecision;
import org.peaktrade.engine.trading.TradingCore;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.OrderEvent;

/**
 * The orders that rested before a {@link TradingSession} restarted, until the kill-switch view says they may rest
 * again. A recovered session takes them out of its core at once ({@link #hold}); they rest again only once the view
 * allows the session, and never fill meanwhile. While the view does not know the switches yet (just after the
 * session registered) they are asked about again every {@link #RECHECK} and before each bar is offered, so they rest
 * in time for it once the view knows; under a kill they are canceled. Held orders are canceled with the resting ones
 * by a kill or a stop.
 */
final class RestoredOrders {
  /** How often held orders ask the view again while it does not know the switches. */
  static final Duration RECHECK = Duration.ofMillis(200);

  private final TimerScheduler<Command> timers;
  private final ExecutionGate gateView;
  private final SessionSteps steps;
  private final String sessionId;
  private final Clock clock;
  private final List<Order> held = new ArrayList<>();

  RestoredOrders(TimerScheduler<Command> timers, ExecutionGate gateView, SessionSteps steps, String sessionId,
      Clock clock) {
    this.timers = timers;
    this.gateView = gateView;
    this.steps = steps;
    this.sessionId = sessionId;
    this.clock = clock;
  }

  /** Takes the recovered resting orders (with their remainders) out of {@code state}'s core until the view allows. */
  void hold(SessionState state) {
    held.clear();
    held.addAll(state.restingOrders());
    held.forEach(order -> state.core().recoverEnded(order.id()));
  }

  /**
   * Asks the view about the held orders: they rest again in {@code core} when it allows; under a known block they are
   * canceled (answered, to be persisted); while it is unknown or stale they stay held and a recheck is scheduled.
   */
  List<OrderEvent> recheck(TradingCore core) {
    if (held.isEmpty()) {
      return List.of();
    }
    GateDecision gate = gateView.check(sessionId);
    if (gate.allowed()) {
      core.restore(held, clock.instant());
      held.clear();
      return List.of();
    }
    if (isUnknown(gate)) {
      timers.startSingleTimer(TradingSession.RecheckRestore.INSTANCE, RECHECK);
      return List.of();
    }
    List<OrderEvent> canceled = steps.notRestored(held.stream().map(Order::id).toList(), gate);
    held.clear();
    return canceled;
  }

  /** Cancels every held order for {@code reason} (a kill, a stop). */
  List<OrderEvent> cancelAll(String reason) {
    List<OrderEvent> canceled = held.stream()
        .<OrderEvent>map(order -> new OrderEvent.Canceled(order.id(), reason, clock.instant())).toList();
    held.clear();
    timers.cancel(TradingSession.RecheckRestore.INSTANCE);
    return canceled;
  }

  private static boolean isUnknown(GateDecision gate) {
    return gate.reason().equals("unknown") || gate.reason().startsWith("stale");
  }
}
