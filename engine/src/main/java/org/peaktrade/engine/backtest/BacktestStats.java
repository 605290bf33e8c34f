package org.peaktrade.engine.backtest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import org.peaktrade.engine.metrics.Annualization;
import org.peaktrade.engine.metrics.DrawdownStatistics;
import org.peaktrade.engine.metrics.ReturnStatistics;
import org.peaktrade.engine.metrics.TradeOutcome;
import org.peaktrade.engine.metrics.TradeStatistics;
import org.peaktrade.protocol.Money;

/**
 * The metrics of one backtest. Return-based ratios use per-bar returns annualised by
 * {@code periodsPerYear} = days per year × bars per day (365 days for crypto unless configured); CAGR uses the
 * elapsed time from the first bar's open to the last bar's close; the drawdown includes the starting cash as
 * the first peak. Formulas: docs/backtesting-metrics.md.
 */
public record BacktestStats(
    Instant start, Instant end, int bars, Duration barInterval, int daysPerYear, double periodsPerYear,
    Money startingCash, Money finalEquity, Money finalCash, Money totalFees, double totalReturn, double cagr,
    double annualVolatility, double sharpe, double sortino, double calmar, double maxDrawdown,
    Duration maxDrawdownDuration, double exposure, TradeStatistics trades) {

  public static BacktestStats of(BacktestResult result, Instant start, Duration barInterval, int daysPerYear) {
    EquityCurve curve = result.equityCurve();
    double ppy = Annualization.periodsPerYear(barInterval, daysPerYear);
    double[] returns = curve.returns(result.startingCash().toDouble());
    Instant end = Instant.ofEpochMilli(curve.closeTimesMillis()[curve.size() - 1]);
    double totalReturn = result.finalEquity().amount()
        .divide(result.startingCash().amount(), MathContext.DECIMAL64).subtract(BigDecimal.ONE).doubleValue();
    double cagr = Annualization.cagr(result.startingCash().toDouble(), result.finalEquity().toDouble(),
        Duration.between(start, end), daysPerYear);
    DrawdownStatistics drawdown = drawdownFromStart(result, start);
    double maxDrawdown = drawdown.maxDrawdown();
    int exposed = 0;
    for (boolean e : curve.exposed()) {
      exposed += e ? 1 : 0;
    }
    return new BacktestStats(start, end, curve.size(), barInterval, daysPerYear, ppy, result.startingCash(),
        result.finalEquity(), result.finalCash(), result.totalFees(), totalReturn, cagr,
        ReturnStatistics.annualVolatility(returns, ppy), ReturnStatistics.sharpeRatio(returns, 0.0, ppy),
        ReturnStatistics.sortinoRatio(returns, 0.0, ppy), maxDrawdown == 0 ? Double.NaN : cagr / Math.abs(maxDrawdown),
        maxDrawdown, drawdown.maxDrawdownDuration(), (double) exposed / curve.size(),
        TradeStatistics.of(result.trades().stream().map(t -> new TradeOutcome(t.netPnl().amount())).toList()));
  }

  private static DrawdownStatistics drawdownFromStart(BacktestResult result, Instant start) {
    EquityCurve curve = result.equityCurve();
    double[] equity = new double[curve.size() + 1];
    long[] times = new long[curve.size() + 1];
    equity[0] = result.startingCash().toDouble();
    times[0] = start.toEpochMilli();
    System.arraycopy(curve.equity(), 0, equity, 1, curve.size());
    System.arraycopy(curve.closeTimesMillis(), 0, times, 1, curve.size());
    return DrawdownStatistics.of(equity, times);
  }
}
