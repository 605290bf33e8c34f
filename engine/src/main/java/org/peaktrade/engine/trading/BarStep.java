package org.peaktrade.engine.trading;

import java.util.List;
import org.peaktrade.engine.portfolio.RoundTrip;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.OrderEvent;

/**
 * What a new bar did to the resting orders, in order: their fills and expiries (already booked), the round trips
 * those fills closed and the orders that expired (as submitted). {@link #NOTHING} for the common bar that touches no
 * order.
 */
public record BarStep(List<OrderEvent> events, List<RoundTrip> trades, List<Order> expired) {
  public static final BarStep NOTHING = new BarStep(List.of(), List.of(), List.of());

  public BarStep {
    events = List.copyOf(events);
    trades = List.copyOf(trades);
    expired = List.copyOf(expired);
  }

  public boolean isEmpty() {
    return events.isEmpty();
  }
}
