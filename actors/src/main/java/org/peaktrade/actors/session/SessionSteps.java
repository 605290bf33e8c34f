package org.peaktrade.actors.session;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.peaktrade.actors.killswitch.ExecutionGate;
import org.peaktrade.actors.session.TradingSession.Event;
import org.peaktrade.engine.execution.ExecutionPipeline;
import org.peaktrade.engine.killswitch.GateDecision;
import org.peaktrade.engine.strategy.Direction;
import org.peaktrade.engine.trading.TradingCore;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.ClientOrderId;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.OrderEvent;
import org.peaktrade.protocol.risk.RiskDecision;
import org.peaktrade.protocol.session.SessionStatus;

/**
 * What a {@link TradingSession} persists at each step of a bar and when it stops, worked out from its state and the
 * answer it got: the strategy's wanted position turned into orders by the engine's {@link ExecutionPipeline}, a risk
 * answer turned into a check and possibly a rejection, the order events of the executor and the venue. No actor in
 * sight: the session persists the events and sends the messages. Events carry the session's clock, read once per
 * event as they are built; the kill-switch view is read only for an order nothing else blocks.
 *
 * <p>It outlives a restart of the session (after a failed write) and remembers the highest order sequence it has
 * handed to the journal: a decision whose write failed and did not show when the journal was read back may still
 * land later (a late write), so its ids count as used and the next decision continues after them, never reusing one.
 */
final class SessionSteps {
  private final SessionPlan plan;
  private final Clock clock;
  private final ExecutionGate gateView;
  private long issuedSequence;

  /**
   * The events for a bar the strategy decided on, and the pipeline's change of target (the new target and the orders
   * placed for it, in submission order), null when the target stays.
   */
  record Decision(List<Event> events, ExecutionPipeline.TargetChange change) {
    boolean targetChanged() {
      return change != null;
    }
  }

  /** The events for a risk answer, and whether the order goes on to the executor (false: it was rejected). */
  record Verdict(List<Event> events, boolean submit) {}

  SessionSteps(SessionPlan plan, Clock clock, ExecutionGate gateView) {
    this.plan = plan;
    this.clock = clock;
    this.gateView = gateView;
  }

  /**
   * The strategy wants {@code wanted} after {@code bar}: the bar is processed and the pipeline may change target.
   * While an order is UNKNOWN the pipeline is not asked: its orders would be sized from a position that may be
   * missing that order's fill, and could double it; the strategy's next answer after the order is resolved counts.
   */
  Decision decided(SessionState state, Bar bar, Direction wanted) {
    List<Event> events = new ArrayList<>();
    events.add(new Event.BarProcessed(bar, wanted, null, now()));
    if (!state.unknownOrders().isEmpty()) {
      return new Decision(events, null);
    }
    ExecutionPipeline pipeline = new ExecutionPipeline(plan.id(), plan.instrument(), plan.sizing(), plan.entry(),
        plan.allowShort(), Math.max(state.orderSequence(), issuedSequence), state.target());
    Optional<ExecutionPipeline.TargetChange> change = pipeline.onTarget(wanted, state.position(), bar.close(),
        () -> state.equityAt(bar.close()), bar.closeTime());
    if (change.isEmpty()) {
      return new Decision(events, null);
    }
    List<Order> orders = change.get().orders();
    issuedSequence = pipeline.sequence();
    events.add(new Event.TargetDecided(bar.closeTime(), wanted, change.get().target(), bar.close(),
        orders.stream().map(Order::id).toList(), pipeline.sequence(), now()));
    orders.forEach(order -> events.add(new Event.OrderUpdated(new OrderEvent.Placed(order), now())));
    return new Decision(events, change.get());
  }

  /** The strategy had no answer for {@code bar}: it is processed without a decision. */
  List<Event> undecided(Bar bar, String strategyFailure) {
    return List.of(new Event.BarProcessed(bar, null, strategyFailure, now()));
  }

  /**
   * The risk gate answered {@code decision} about {@code order}, or failed to answer. The order is rejected with the
   * first reason that applies: no answer, the risk violations, the session stopping, the session not RUNNING, an
   * order of the session still UNKNOWN (an earlier order of the same bar whose answer was missed), the kill-switch
   * view.
   */
  Verdict riskAnswered(SessionState state, Order order, RiskDecision decision, Throwable failure,
      boolean stopping) {
    List<Event> events = new ArrayList<>();
    String blocked;
    if (failure != null) {
      blocked = "risk gate did not answer: " + failure;
    } else {
      events.add(new Event.RiskChecked(order.id(), decision, now()));
      blocked = decision.allowed() ? null : TradingCore.riskRefusal(decision);
    }
    if (blocked == null && stopping) {
      blocked = "the session is stopping";
    } else if (blocked == null && state.status() != SessionStatus.RUNNING) {
      blocked = "session " + state.status() + ": " + state.statusReason();
    }
    List<ClientOrderId> unknown = state.unknownOrders();
    if (blocked == null && !unknown.isEmpty()) {
      blocked = "order " + unknown.get(0) + " is UNKNOWN: no new order until the executor says what became of it";
    }
    if (blocked == null) {
      GateDecision gate = gateView.check(plan.id());
      blocked = gate.allowed() ? null : "kill switch " + gate.message();
    }
    if (blocked == null) {
      return new Verdict(events, true);
    }
    events.add(new Event.OrderUpdated(new OrderEvent.Rejected(order.id(), blocked, now()), now()));
    return new Verdict(events, false);
  }

  /**
   * The executor's answer to a submitted order. No answer does not reject it: the Submit may still be in the
   * executor's mailbox and be taken later, so the order becomes UNKNOWN until the executor is asked.
   */
  List<Event> executorAnswered(Order order, OrderEvent event, Throwable failure) {
    OrderEvent change = event != null ? event
        : new OrderEvent.Unanswered(order.id(), "the executor did not answer in time: " + failure, now());
    return orderUpdates(List.of(change));
  }

  /**
   * The executor's answer about an UNKNOWN order: accepted (it rests; its fills come as venue events), rejected, or
   * never seen, which proves it will not be taken (the query was sent after the Submit) and rejects it. Nothing when
   * an acceptance, fill or cancel resolved it meanwhile.
   */
  List<Event> resolved(SessionState state, PaperExecutor.OrderFound found, int attempts) {
    ClientOrderId id = found.orderId();
    if (!state.isUnknown(id)) {
      return List.of();
    }
    OrderEvent change = switch (found.seen()) {
      case ACCEPTED -> new OrderEvent.Accepted(id, found.at());
      case REJECTED -> new OrderEvent.Rejected(id, found.reason(), found.at());
      case NEVER -> new OrderEvent.Rejected(id, "the executor never saw it (asked " + attempts + " time(s))", now());
    };
    return orderUpdates(List.of(change));
  }

  /** The session stops for {@code reason} after the executor canceled its resting orders ({@code canceled}). */
  List<Event> stopped(List<OrderEvent> canceled, String reason) {
    List<Event> events = new ArrayList<>(orderUpdates(canceled));
    events.add(new Event.Stopped(reason, now()));
    return events;
  }

  /** Order events from the executor or the venue, recorded together. */
  List<Event> orderUpdates(List<OrderEvent> changes) {
    Instant at = now();
    return changes.stream().<Event>map(change -> new Event.OrderUpdated(change, at)).toList();
  }

  /** Cancels for orders placed before a restart that the venue never answered; they are reported as venue events. */
  List<OrderEvent> canceledOnRestart(List<ClientOrderId> unsubmitted) {
    return unsubmitted.stream()
        .<OrderEvent>map(id -> new OrderEvent.Canceled(id, "the session restarted before the venue answered", now()))
        .toList();
  }

  private Instant now() {
    return clock.instant();
  }
}
