package org.peaktrade.engine.trading;

import java.util.Objects;
import org.peaktrade.engine.execution.EntryStyle;
import org.peaktrade.engine.execution.FeeModel;
import org.peaktrade.engine.execution.ParticipationLimit;
import org.peaktrade.engine.execution.Sizing;
import org.peaktrade.engine.execution.SlippageModel;
import org.peaktrade.engine.risk.RiskLimits;
import org.peaktrade.protocol.Money;

/**
 * The account and execution terms one {@link TradingCore} trades under: starting cash, how targets become orders
 * (sizing, entry style, shorting), how the simulated venue fills them (fees, slippage, the share of each bar's volume
 * the orders may take) and the pre-trade risk limits ({@code risk} null: no risk check).
 */
public record TradingTerms(
    Money startingCash, Sizing sizing, FeeModel fees, SlippageModel slippage, EntryStyle entry, boolean allowShort,
    ParticipationLimit participation, RiskLimits risk) {

  public TradingTerms {
    Objects.requireNonNull(startingCash, "starting cash");
    Objects.requireNonNull(sizing, "sizing");
    Objects.requireNonNull(fees, "fees");
    Objects.requireNonNull(slippage, "slippage");
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(participation, "participation");
    if (startingCash.signum() <= 0) {
      throw new IllegalArgumentException("starting cash must be positive: " + startingCash);
    }
  }
}
