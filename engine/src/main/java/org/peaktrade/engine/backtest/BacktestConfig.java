package org.peaktrade.engine.backtest;

import org.peaktrade.engine.execution.EntryStyle;
import org.peaktrade.engine.execution.FeeModel;
import org.peaktrade.engine.execution.ParticipationLimit;
import org.peaktrade.engine.execution.Sizing;
import org.peaktrade.engine.execution.SlippageModel;
import org.peaktrade.engine.risk.RiskLimits;
import org.peaktrade.engine.trading.TradingTerms;
import org.peaktrade.protocol.Money;

/**
 * Everything about the account and execution that a backtest needs besides data and strategy. {@code risk} null
 * means no pre-trade risk check; otherwise every order passes the same check a live session uses.
 * {@code participation} caps the share of each bar's volume the orders may fill ({@link ParticipationLimit#NONE}:
 * any size at once); what does not fill keeps resting, as on a session's paper venue.
 */
public record BacktestConfig(
    Money startingCash, Sizing sizing, FeeModel fees, SlippageModel slippage, EntryStyle entry, boolean allowShort,
    RiskLimits risk, ParticipationLimit participation) {

  /** Without pre-trade risk checks or a participation limit. */
  public BacktestConfig(Money startingCash, Sizing sizing, FeeModel fees, SlippageModel slippage, EntryStyle entry,
      boolean allowShort) {
    this(startingCash, sizing, fees, slippage, entry, allowShort, null, ParticipationLimit.NONE);
  }

  public BacktestConfig withRisk(RiskLimits limits) {
    return new BacktestConfig(startingCash, sizing, fees, slippage, entry, allowShort, limits, participation);
  }

  public BacktestConfig withParticipation(ParticipationLimit limit) {
    return new BacktestConfig(startingCash, sizing, fees, slippage, entry, allowShort, risk, limit);
  }

  /** The terms of the {@link org.peaktrade.engine.trading.TradingCore} the backtest loops over. */
  public TradingTerms terms() {
    return new TradingTerms(startingCash, sizing, fees, slippage, entry, allowShort, participation, risk);
  }

  /** Checked as the terms of the core it runs on, with their messages. */
  public BacktestConfig {
    new TradingTerms(startingCash, sizing, fees, slippage, entry, allowShort, participation, risk);
  }
}
