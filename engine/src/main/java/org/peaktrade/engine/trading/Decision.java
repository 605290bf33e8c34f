package org.peaktrade.engine.trading;

import java.util.List;
import org.peaktrade.engine.strategy.Direction;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.OrderEvent;
import org.peaktrade.protocol.Price;

/**
 * A change of target and everything it did, in order: {@code events} holds the cancels of the old target's resting
 * orders, then per new order its placement and the venue's or the checks' answer (accepted or rejected with the
 * reason). {@code canceled} are the old target's orders those cancels ended (as submitted). {@code risk} lists the orders the risk check did not pass cleanly; {@code sequence} is the last order
 * sequence number used.
 */
public record Decision(Direction wanted, Direction target, Price reference, List<Order> orders,
    List<OrderEvent> events, List<Order> canceled, List<RiskOutcome> risk, long sequence) {

  public Decision {
    orders = List.copyOf(orders);
    events = List.copyOf(events);
    canceled = List.copyOf(canceled);
    risk = List.copyOf(risk);
  }
}
