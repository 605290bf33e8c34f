package org.peaktrade.engine.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.peaktrade.protocol.ClientOrderId;
import org.peaktrade.protocol.OrderEvent;

/**
 * The orders of one session, rebuilt by applying {@link OrderEvent}s in order. {@link #evaluate} answers what an
 * event would do without changing anything (a command handler decides with it whether to persist the event);
 * {@link #apply} does the same and keeps the result (the event handler). A refused event changes nothing.
 *
 * <p>Open orders are kept in placement order. Closed orders are kept too, so that an event for a closed order is
 * refused with its final status: all of them by default (one small record per order ever placed), or the most
 * recently closed {@code closedKept} (a session, whose history lives in its journal); an event for a closed order
 * no longer kept is refused as for an unknown one. Ids are never reused either way: they come from a sequence.
 */
public final class OrderTracker {
  private final Map<ClientOrderId, OrderState> open = new LinkedHashMap<>();
  private final Map<ClientOrderId, OrderState> closed;

  /** A tracker that keeps every closed order. */
  public OrderTracker() {
    this.closed = new HashMap<>();
  }

  /** A tracker that keeps the {@code closedKept} most recently closed orders (at least 0). */
  public OrderTracker(int closedKept) {
    if (closedKept < 0) {
      throw new IllegalArgumentException("closed orders kept must be >= 0: " + closedKept);
    }
    this.closed = new LinkedHashMap<>() {
      @Override
      protected boolean removeEldestEntry(Map.Entry<ClientOrderId, OrderState> eldest) {
        return size() > closedKept;
      }
    };
  }

  public Transition evaluate(OrderEvent event) {
    OrderState known = state(event.orderId());
    if (known != null) {
      return known.apply(event);
    }
    if (event instanceof OrderEvent.Placed placed) {
      return new Transition.Applied(event, null, OrderState.placed(placed.order()));
    }
    return new Transition.Refused(event, null, LifecycleRefusal.UNKNOWN_ORDER,
        OrderState.describe(event) + " of " + event.orderId() + " refused: no such order was placed");
  }

  /**
   * What {@code events} would do if applied one after another, without changing anything: each is evaluated
   * against the orders as the events before it in the list left them (a command handler logging a batch it is about
   * to persist).
   */
  public List<Transition> evaluateAll(List<OrderEvent> events) {
    Map<ClientOrderId, OrderState> scratch = new HashMap<>();
    List<Transition> transitions = new ArrayList<>(events.size());
    for (OrderEvent event : events) {
      OrderState known = scratch.containsKey(event.orderId()) ? scratch.get(event.orderId()) : state(event.orderId());
      Transition transition = known != null ? known.apply(event) : evaluate(event);
      if (transition instanceof Transition.Applied applied) {
        scratch.put(event.orderId(), applied.state());
      }
      transitions.add(transition);
    }
    return List.copyOf(transitions);
  }

  public Transition apply(OrderEvent event) {
    Transition transition = evaluate(event);
    if (transition instanceof Transition.Applied applied) {
      OrderState state = applied.state();
      if (state.status().isTerminal()) {
        open.remove(state.order().id());
        closed.put(state.order().id(), state);
      } else {
        open.put(state.order().id(), state);
      }
    }
    return transition;
  }

  /** The orders not yet in a terminal state, in placement order. */
  public List<OrderState> open() {
    return List.copyOf(open.values());
  }

  public Optional<OrderState> get(ClientOrderId id) {
    return Optional.ofNullable(state(id));
  }

  private OrderState state(ClientOrderId id) {
    OrderState state = open.get(id);
    return state != null ? state : closed.get(id);
  }
}
