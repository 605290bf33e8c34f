package org.peaktrade.actors.session;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.peaktrade.engine.session.OrderState;
import org.peaktrade.engine.session.OrderTracker;
import org.peaktrade.engine.session.Transition;
import org.peaktrade.protocol.ClientOrderId;
import org.peaktrade.protocol.OrderEvent;
import org.peaktrade.protocol.OrderStatus;

/**
 * What a session keeps of its orders: the open ones with their lifecycle and events (a snapshot keeps the events),
 * the {@value #CLOSED_KEPT} most recently closed (an event about one of them is refused as about a closed order), and
 * every order ever placed counted by its status now. Its size does not grow with the session's history, which the
 * journal holds ({@link OrderHistory}). A {@link SessionState} makes it at its first order: an idle session has none.
 */
final class SessionOrders {
  static final int CLOSED_KEPT = 16;

  private final OrderTracker tracker = new OrderTracker(CLOSED_KEPT);
  private final Map<ClientOrderId, List<OrderEvent>> openEvents = new LinkedHashMap<>();
  private final Map<OrderStatus, Integer> byStatus = new EnumMap<>(OrderStatus.class);

  /** Applies {@code event} and counts the order's new status; a refused event changes nothing. */
  Transition apply(OrderEvent event) {
    OrderStatus before = tracker.get(event.orderId()).map(OrderState::status).orElse(null);
    Transition transition = restore(event);
    if (transition instanceof Transition.Applied applied && before != applied.state().status()) {
      if (before != null) {
        byStatus.merge(before, -1, (had, less) -> had + less == 0 ? null : had + less);
      }
      byStatus.merge(applied.state().status(), 1, Integer::sum);
    }
    return transition;
  }

  /** Applies an open order's event from a snapshot, whose counts {@link #restoreCounts} gives back. */
  Transition restore(OrderEvent event) {
    Transition transition = tracker.apply(event);
    if (transition instanceof Transition.Applied applied) {
      if (applied.state().status().isTerminal()) {
        openEvents.remove(event.orderId());
      } else {
        openEvents.computeIfAbsent(event.orderId(), id -> new ArrayList<>(3)).add(event);
      }
    }
    return transition;
  }

  void restoreCounts(Map<OrderStatus, Integer> counts) {
    byStatus.putAll(counts);
  }

  Optional<OrderState> get(ClientOrderId id) {
    return tracker.get(id);
  }

  /** The orders not yet in a terminal state, in placement order. */
  List<OrderState> open() {
    return tracker.open();
  }

  List<Transition> evaluateAll(List<OrderEvent> events) {
    return tracker.evaluateAll(events);
  }

  /** The events of the open orders, each order's oldest first, in placement order. */
  List<OrderEvent> openEvents() {
    return openEvents.values().stream().flatMap(List::stream).toList();
  }

  /** Every order ever placed by its status now (a copy; statuses without orders left out). */
  Map<OrderStatus, Integer> byStatus() {
    return byStatus.isEmpty() ? Map.of() : new EnumMap<>(byStatus);
  }
}
