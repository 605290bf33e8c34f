package org.peaktrade.engine.session;

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
 * <p>Open orders are kept in placement order. Closed orders are kept too, so that an id is never reused and an event
 * for a closed order is refused with its final status; that is one small record per order ever placed.
 */
public final class OrderTracker {
  private final Map<ClientOrderId, OrderState> open = new LinkedHashMap<>();
  private final Map<ClientOrderId, OrderState> closed = new HashMap<>();

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
