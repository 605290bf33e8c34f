package org.peaktrade.actors.session;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.peaktrade.actors.killswitch.ExecutionGate;
import org.peaktrade.actors.session.TradingSession.Event;
import org.peaktrade.engine.killswitch.GateDecision;
import org.peaktrade.engine.strategy.Direction;
import org.peaktrade.engine.trading.OrderAdmission;
import org.peaktrade.engine.trading.Retarget;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.ClientOrderId;
import org.peaktrade.protocol.OrderEvent;
import org.peaktrade.protocol.risk.RiskDecision;
import org.peaktrade.protocol.session.SessionStatus;

/**
 * What a {@link TradingSession} persists for what its trading core did, and the last word before the core's venue
 * takes an order ({@link #admission}). No actor in sight: the session drives the core and persists the events. Events
 * carry the session's clock, read once per event as they are built; the kill-switch view is read only for an order
 * nothing else blocks, at the moment the venue would take it.
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

  SessionSteps(SessionPlan plan, Clock clock, ExecutionGate gateView) {
    this.plan = plan;
    this.clock = clock;
    this.gateView = gateView;
  }

  /** The last order sequence number the session may have used: the journal's, or a later one whose write failed. */
  long sequenceFloor(SessionState state) {
    return Math.max(state.orderSequence(), issuedSequence);
  }

  /** The bar was processed: the strategy wanted {@code wanted}, or had no answer ({@code strategyFailure}). */
  Event processed(Bar bar, Direction wanted, String strategyFailure) {
    return new Event.BarProcessed(bar, wanted, strategyFailure, now());
  }

  /** The core changed target: the decision, the old target's cancels, then each new order's placement. */
  List<Event> retargeted(Bar bar, Retarget change) {
    issuedSequence = Math.max(issuedSequence, change.sequence());
    List<Event> events = new ArrayList<>();
    events.add(new Event.TargetDecided(bar.closeTime(), change.wanted(), change.target(), change.reference(),
        change.orders().stream().map(order -> order.id()).toList(), change.sequence(), now()));
    events.addAll(orderUpdates(change.cancels()));
    change.orders().forEach(order -> events.add(new Event.OrderUpdated(new OrderEvent.Placed(order), now())));
    return events;
  }

  /** The risk gate's answer about an order and what the core's venue or the checks made of it. */
  List<Event> checked(ClientOrderId orderId, RiskDecision decision, OrderEvent answer) {
    List<Event> events = new ArrayList<>(2);
    if (decision != null) {
      events.add(new Event.RiskChecked(orderId, decision, now()));
    }
    events.add(new Event.OrderUpdated(answer, now()));
    return events;
  }

  /** The risk gate did not answer about an order: it is rejected, never submitted on a guess. */
  OrderEvent riskUnanswered(ClientOrderId orderId, Throwable failure) {
    return new OrderEvent.Rejected(orderId, "risk gate did not answer: " + failure, now());
  }

  /**
   * The last word on an order the risk check let through, read as the venue takes it: the session stopping, the
   * session not RUNNING, the kill-switch view (unknown or stale blocks), in that order.
   */
  OrderAdmission admission(SessionState state, boolean stopping) {
    return order -> {
      if (stopping) {
        return Optional.of("the session is stopping");
      }
      if (state.status() != SessionStatus.RUNNING) {
        return Optional.of("session " + state.status() + ": " + state.statusReason());
      }
      GateDecision gate = gateView.check(plan.id());
      return gate.allowed() ? Optional.empty() : Optional.of("kill switch " + gate.message());
    };
  }

  /** The session stops for {@code reason} after the core canceled its resting orders ({@code canceled}). */
  List<Event> stopped(List<OrderEvent> canceled, String reason) {
    List<Event> events = new ArrayList<>(orderUpdates(canceled));
    events.add(new Event.Stopped(reason, now()));
    return events;
  }

  /** Order events of the core's venue or of the checks, recorded together. */
  List<Event> orderUpdates(List<OrderEvent> changes) {
    Instant at = now();
    return changes.stream().<Event>map(change -> new Event.OrderUpdated(change, at)).toList();
  }

  /**
   * Orders a journal written before the session ran on its trading core left open without the venue's answer (NEW:
   * a restart came between placement and answer; UNKNOWN: the old executor did not answer in time). The venue they
   * were sent to was in the process that ended, so none of them rests anywhere: they are canceled.
   */
  List<OrderEvent> endedOnRestart(List<ClientOrderId> unanswered) {
    return unanswered.stream()
        .<OrderEvent>map(id -> new OrderEvent.Canceled(id, "the session restarted before the venue answered", now()))
        .toList();
  }

  /** Resting orders that cannot rest again after a restart because a switch covering the session is killed. */
  List<OrderEvent> notRestored(List<ClientOrderId> held, GateDecision gate) {
    String reason = "kill switch " + gate.message() + " (not rested after the restart)";
    return held.stream().<OrderEvent>map(id -> new OrderEvent.Canceled(id, reason, now())).toList();
  }

  private Instant now() {
    return clock.instant();
  }
}
