package org.peaktrade.engine.backtest;

import java.util.Objects;
import org.peaktrade.engine.execution.EntryStyle;
import org.peaktrade.engine.execution.FeeModel;
import org.peaktrade.engine.execution.Sizing;
import org.peaktrade.engine.execution.SlippageModel;
import org.peaktrade.engine.risk.RiskLimits;
import org.peaktrade.protocol.Money;

/**
 * Everything about the account and execution that a backtest needs besides data and strategy. {@code risk} null
 * means no pre-trade risk check; otherwise every order passes the same check a live session uses.
 */
public record BacktestConfig(
    Money startingCash, Sizing sizing, FeeModel fees, SlippageModel slippage, EntryStyle entry, boolean allowShort,
    RiskLimits risk) {

  /** Without pre-trade risk checks. */
  public BacktestConfig(Money startingCash, Sizing sizing, FeeModel fees, SlippageModel slippage, EntryStyle entry,
      boolean allowShort) {
    this(startingCash, sizing, fees, slippage, entry, allowShort, null);
  }

  public BacktestConfig withRisk(RiskLimits limits) {
    return new BacktestConfig(startingCash, sizing, fees, slippage, entry, allowShort, limits);
  }

  public BacktestConfig {
    Objects.requireNonNull(startingCash, "starting cash");
    Objects.requireNonNull(sizing, "sizing");
    Objects.requireNonNull(fees, "fees");
    Objects.requireNonNull(slippage, "slippage");
    Objects.requireNonNull(entry, "entry");
    if (startingCash.signum() <= 0) {
      throw new IllegalArgumentException("starting cash must be positive: " + startingCash);
    }
  }
}
