package org.peaktrade.engine.trading;

import java.util.List;
import org.peaktrade.engine.strategy.Direction;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.OrderEvent;
import org.peaktrade.protocol.Price;

/**
 * The first half of a decision: the target changed from what the strategy wants, the old target's resting orders
 * were canceled ({@code cancels}, ending {@code canceled}), and {@code orders} are placed, each still to be
 * risk-checked and submitted ({@link TradingCore#submit}). {@code sequence} is the last order sequence number used.
 */
public record Retarget(Direction wanted, Direction target, Price reference, List<Order> orders,
    List<OrderEvent> cancels, List<Order> canceled, long sequence) {

  public Retarget {
    orders = List.copyOf(orders);
    cancels = List.copyOf(cancels);
    canceled = List.copyOf(canceled);
  }
}
