package org.peaktrade.engine.backtest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Map;
import org.peaktrade.engine.portfolio.Ledger;
import org.peaktrade.engine.risk.MarketPrice;
import org.peaktrade.engine.risk.PreTradeRisk;
import org.peaktrade.engine.risk.RiskInputs;
import org.peaktrade.engine.risk.RiskLimits;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.risk.RiskDecision;

/**
 * The pre-trade risk check as a backtest sees it: the price is the decision bar's close at its close time, equity
 * is the exact ledger equity, the day starts at 00:00 UTC, the peak is the highest exact equity at any bar close,
 * and the throttle counts the orders submitted within the window before the decision.
 */
final class BacktestRiskGate {
  private final PreTradeRisk risk;
  private final Symbol symbol;
  private final ArrayDeque<Instant> submitted = new ArrayDeque<>();
  private LocalDate day;
  private Money startOfDay;
  private Money peak;
  private Money equity;

  BacktestRiskGate(RiskLimits limits, Symbol symbol, Money startingCash) {
    this.risk = new PreTradeRisk(limits);
    this.symbol = symbol;
    this.startOfDay = startingCash;
    this.peak = startingCash;
  }

  /** Marks the exact equity at the bar's close; rolls the day at the first bar closing on a new UTC date. */
  void mark(Bar bar, Ledger ledger) {
    LocalDate closeDay = LocalDate.ofInstant(bar.closeTime(), ZoneOffset.UTC);
    if (day == null) {
      day = closeDay;
    } else if (!closeDay.equals(day)) {
      day = closeDay;
      startOfDay = equity;
    }
    equity = ledger.equity(symbol, bar.close());
    peak = peak.max(equity);
  }

  RiskDecision check(Order order, Ledger ledger, Bar bar) {
    Instant now = bar.closeTime();
    while (!submitted.isEmpty() && !submitted.peekFirst().isAfter(now.minus(risk.limits().orderWindow()))) {
      submitted.pollFirst();
    }
    BigDecimal position = ledger.position(symbol).quantity();
    RiskInputs inputs = new RiskInputs(Map.of(symbol, position), Map.of(symbol, new MarketPrice(bar.close(), now)),
        equity, startOfDay, peak, submitted.size(), now);
    RiskDecision decision = risk.check(order, inputs);
    if (decision.allowed()) {
      submitted.addLast(now);
    }
    return decision;
  }
}
