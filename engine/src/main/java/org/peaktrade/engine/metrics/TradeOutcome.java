package org.peaktrade.engine.metrics;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one closed round-trip trade earned, net of fees, in the account currency. Only the P&L is needed here,
 * which keeps the statistics independent of how the ledger records trades.
 */
public record TradeOutcome(BigDecimal pnl) {

  public TradeOutcome {
    Objects.requireNonNull(pnl, "pnl");
  }

  public static TradeOutcome of(String pnl) {
    return new TradeOutcome(new BigDecimal(pnl));
  }

  boolean isWin() {
    return pnl.signum() > 0;
  }

  boolean isLoss() {
    return pnl.signum() < 0;
  }
}
