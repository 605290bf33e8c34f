package org.peaktrade.engine.trading;

import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.risk.RiskDecision;

/** An order the risk check did not pass cleanly: a warning (submitted) or a breach (not submitted). */
public record RiskOutcome(Order order, RiskDecision decision) {

  public boolean submitted() {
    return decision.allowed();
  }
}
