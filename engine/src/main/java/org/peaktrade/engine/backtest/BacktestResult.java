package org.peaktrade.engine.backtest;

import java.util.List;
import org.peaktrade.engine.portfolio.Position;
import org.peaktrade.engine.portfolio.RoundTrip;
import org.peaktrade.engine.trading.RiskOutcome;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Order;

/**
 * What a backtest produced: every order and fill in time order, the closed trades, the equity curve, and the
 * exact final account. {@code finalPosition} may still be open; it is valued at the last close and is not in
 * {@code trades}. {@code openOrders} were still pending when the data ended. {@code riskOutcomes} lists the orders
 * the risk check warned about or blocked (blocked ones are in {@code orders} but were never submitted).
 */
public record BacktestResult(
    List<Order> orders, List<Fill> fills, List<RoundTrip> trades, List<Order> cancelledOrders,
    List<Order> expiredOrders, List<Order> openOrders, EquityCurve equityCurve, Money startingCash, Money finalCash,
    Money finalEquity, Money totalFees, Position finalPosition, List<RiskOutcome> riskOutcomes) {

  public long ordersBlockedByRisk() {
    return riskOutcomes.stream().filter(outcome -> !outcome.submitted()).count();
  }
}
