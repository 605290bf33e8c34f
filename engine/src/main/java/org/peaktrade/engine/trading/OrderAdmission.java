package org.peaktrade.engine.trading;

import java.util.Optional;
import org.peaktrade.protocol.Order;

/**
 * The last word on an order that passed the risk check, just before the venue takes it: a session asks its kill-switch
 * view and its own status here; a backtest admits everything. Read once per order, at the moment it is submitted.
 */
@FunctionalInterface
public interface OrderAdmission {
  OrderAdmission ALWAYS = order -> Optional.empty();

  /** Why the order must not reach the venue; empty when it may. */
  Optional<String> refusal(Order order);
}
