package org.peaktrade.engine.backtest;

import java.util.Map;
import org.peaktrade.engine.portfolio.Ledger;
import org.peaktrade.engine.risk.MarketPrice;
import org.peaktrade.engine.risk.PreTradeRisk;
import org.peaktrade.engine.risk.RiskAccount;
import org.peaktrade.engine.risk.RiskLimits;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.risk.RiskDecision;

/**
 * The pre-trade risk check as a backtest feeds it: the exact ledger equity at every bar close, and the decision
 * bar's close as the market price at its close time. The account history itself is the same {@link RiskAccount}
 * a live session's risk gate keeps.
 */
final class BacktestRiskGate {
  private final RiskAccount account;
  private final Symbol symbol;

  BacktestRiskGate(RiskLimits limits, Symbol symbol) {
    this.account = new RiskAccount(new PreTradeRisk(limits));
    this.symbol = symbol;
  }

  void mark(Bar bar, Ledger ledger) {
    account.markEquity(ledger.equity(symbol, bar.close()), bar.closeTime());
  }

  RiskDecision check(Order order, Ledger ledger, Bar bar) {
    return account.check(order, Map.of(symbol, ledger.position(symbol).quantity()),
        Map.of(symbol, new MarketPrice(bar.close(), bar.closeTime())), bar.closeTime());
  }
}
