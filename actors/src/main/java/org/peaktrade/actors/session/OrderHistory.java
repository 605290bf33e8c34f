package org.peaktrade.actors.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peaktrade.engine.session.OrderState;
import org.peaktrade.engine.session.OrderTracker;
import org.peaktrade.engine.session.Transition;
import org.peaktrade.protocol.ClientOrderId;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.OrderEvent;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.session.OrderView;

/**
 * Every order a session placed and every fill, folded from its journaled order events oldest first: what the API's
 * orders and fills answer and the equity curve marks. The session itself keeps only its open orders and a count of
 * the rest ({@link SessionState}), so that its heap does not grow with its history; this fold is made when asked,
 * from the journal ({@link SessionJournalReader}). An event the lifecycle refuses changes nothing, as in the session.
 */
final class OrderHistory {
  private final OrderTracker tracker = new OrderTracker();
  private final List<ClientOrderId> placed = new ArrayList<>();
  private final Map<ClientOrderId, String> reasons = new HashMap<>();
  private final List<Fill> fills = new ArrayList<>();

  /** Applies {@code event} as the session did when it was journaled. */
  OrderHistory apply(OrderEvent event) {
    if (!(tracker.apply(event) instanceof Transition.Applied)) {
      return this;
    }
    if (event instanceof OrderEvent.Placed) {
      placed.add(event.orderId());
    } else if (event instanceof OrderEvent.Filled filled) {
      fills.add(filled.fill());
    } else if (event instanceof OrderEvent.Unanswered unanswered) {
      reasons.put(event.orderId(), unanswered.reason());
    } else if (event instanceof OrderEvent.Accepted) {
      reasons.remove(event.orderId());
    } else if (event instanceof OrderEvent.Rejected rejected) {
      reasons.put(event.orderId(), rejected.reason());
    } else if (event instanceof OrderEvent.Canceled canceled) {
      reasons.put(event.orderId(), canceled.reason());
    } else if (event instanceof OrderEvent.Expired) {
      reasons.put(event.orderId(), "expired unfilled");
    }
    return this;
  }

  /** Every order in placement order, with its status, what was filled and why it ended (if it did). */
  List<OrderView> orders() {
    return placed.stream().map(id -> {
      OrderState order = tracker.get(id).orElseThrow();
      return new OrderView(order.order(), order.status(), order.filledQuantity().value(),
          order.averageFillPrice().map(Price::value).orElse(null), order.updatedAt(), reasons.get(id));
    }).toList();
  }

  /** Every fill in the order it happened. */
  List<Fill> fills() {
    return List.copyOf(fills);
  }
}
