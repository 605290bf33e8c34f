package org.peaktrade.engine.metrics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * Per-trade summary of a backtest. A trade with P&L above zero is a win, below zero a loss, and exactly zero is
 * break-even: it counts as a trade (and so lowers the win rate) but neither as a win nor a loss.
 *
 * <p>Amounts are exact: sums and extremes keep the scale of the inputs; averages are rounded to
 * {@link #AVERAGE_SCALE} decimals, half-even, so repeated reports do not drift upwards. Losses keep their
 * negative sign ({@code grossLoss}, {@code averageLoss}, {@code largestLoss} are {@code <= 0}). An average or
 * extreme over no trades is zero; ratios over nothing are NaN.
 *
 * @param winRate wins / trades; NaN without trades
 * @param profitFactor grossProfit / |grossLoss|; +inf with profit but no loss, NaN without trades or when both
 *     are zero
 * @param expectancy mean P&L per trade, break-evens included
 * @param largestLoss the most negative P&L
 */
public record TradeStatistics(
    int numberOfTrades,
    int winningTrades,
    int losingTrades,
    double winRate,
    double profitFactor,
    BigDecimal grossProfit,
    BigDecimal grossLoss,
    BigDecimal netProfit,
    BigDecimal expectancy,
    BigDecimal averageWin,
    BigDecimal averageLoss,
    BigDecimal largestWin,
    BigDecimal largestLoss) {

  public static final int AVERAGE_SCALE = 8;

  public static TradeStatistics of(List<TradeOutcome> trades) {
    List<BigDecimal> wins = trades.stream().filter(TradeOutcome::isWin).map(TradeOutcome::pnl).toList();
    List<BigDecimal> losses = trades.stream().filter(TradeOutcome::isLoss).map(TradeOutcome::pnl).toList();
    BigDecimal grossProfit = sum(wins);
    BigDecimal grossLoss = sum(losses);
    BigDecimal netProfit = sum(trades.stream().map(TradeOutcome::pnl).toList());
    return new TradeStatistics(
        trades.size(),
        wins.size(),
        losses.size(),
        trades.isEmpty() ? Double.NaN : (double) wins.size() / trades.size(),
        profitFactor(grossProfit, grossLoss),
        grossProfit,
        grossLoss,
        netProfit,
        average(netProfit, trades.size()),
        average(grossProfit, wins.size()),
        average(grossLoss, losses.size()),
        wins.stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO),
        losses.stream().min(BigDecimal::compareTo).orElse(BigDecimal.ZERO));
  }

  private static double profitFactor(BigDecimal grossProfit, BigDecimal grossLoss) {
    if (grossLoss.signum() == 0) {
      return grossProfit.signum() > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    }
    return grossProfit.divide(grossLoss.abs(), MathContext.DECIMAL64).doubleValue();
  }

  private static BigDecimal average(BigDecimal total, int count) {
    if (count == 0) {
      return BigDecimal.ZERO;
    }
    return total.divide(BigDecimal.valueOf(count), AVERAGE_SCALE, RoundingMode.HALF_EVEN);
  }

  private static BigDecimal sum(List<BigDecimal> amounts) {
    return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
