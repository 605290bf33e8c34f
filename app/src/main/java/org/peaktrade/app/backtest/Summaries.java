package org.peaktrade.app.backtest;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.peaktrade.engine.backtest.BacktestStats;
import org.peaktrade.engine.optimize.Objective;
import org.peaktrade.engine.optimize.RankedRun;
import org.peaktrade.engine.report.BacktestReport;

/** The console summaries printed after a run, a sweep and a walk-forward analysis. */
final class Summaries {
  private static final int TOP_ROWS = 10;

  private Summaries() {}

  static void printRun(PrintStream out, BacktestReport report, Path dir) {
    BacktestStats s = report.stats();
    out.printf(Locale.ROOT, "%nBacktest %s %s on %s, %s .. %s%n", report.strategy(), report.params(), report.symbol(),
        s.start(), s.end());
    out.printf(Locale.ROOT, "  %s%n", report.settingsLine());
    out.printf(Locale.ROOT, "  final equity %s (cash %s), total return %s, CAGR %s%n", s.finalEquity(), s.finalCash(),
        pct(s.totalReturn()), pct(s.cagr()));
    out.printf(Locale.ROOT, "  sharpe %s, sortino %s, calmar %s, volatility %s%n", num(s.sharpe()), num(s.sortino()),
        num(s.calmar()), pct(s.annualVolatility()));
    out.printf(Locale.ROOT, "  max drawdown %s lasting %s, exposure %s%n", pct(s.maxDrawdown()),
        s.maxDrawdownDuration(), pct(s.exposure()));
    out.printf(Locale.ROOT, "  trades %d, win rate %s, profit factor %s, expectancy %s, fees %s%n",
        s.trades().numberOfTrades(), pct(s.trades().winRate()), num(s.trades().profitFactor()),
        s.trades().expectancy().toPlainString(), s.totalFees());
    if (!report.result().finalPosition().isFlat()) {
      out.printf("  still open at the end: %s (valued at the last close)%n", report.result().finalPosition().quantity());
    }
    if (report.config().risk() != null) {
      long blocked = report.result().ordersBlockedByRisk();
      out.printf("  risk: %d orders blocked, %d submitted with warnings (details in risk.csv)%n", blocked,
          report.result().riskOutcomes().size() - blocked);
    }
    out.printf("Wrote fills.csv, trades.csv, equity.csv, stats.json and report.html to %s%n", dir);
  }

  static void printSweep(PrintStream out, List<RankedRun> ranked, Objective objective, Path table) {
    out.printf("%nSweep of %d combinations, ranked by %s (top %d):%n", ranked.size(), objective.cliName(),
        Math.min(TOP_ROWS, ranked.size()));
    for (int i = 0; i < Math.min(TOP_ROWS, ranked.size()); i++) {
      RankedRun run = ranked.get(i);
      out.printf(Locale.ROOT, "  %2d. %-28s %s %s  return %s  max dd %s  trades %d%n", i + 1,
          OptimizationTables.paramsText(run), objective.cliName(), num(objective.of(run.stats())),
          pct(run.stats().totalReturn()), pct(run.stats().maxDrawdown()), run.stats().trades().numberOfTrades());
    }
    out.printf("Wrote %s%n", table);
  }

  static void printWalkForward(PrintStream out, List<WalkForwardRunner.WindowResult> windows, Objective objective,
      Path table) {
    out.printf("%nWalk-forward, %d windows, optimising %s on each train period:%n", windows.size(), objective.cliName());
    double compounded = 1.0;
    for (WalkForwardRunner.WindowResult w : windows) {
      BacktestStats test = w.onTest().stats();
      compounded *= 1.0 + test.totalReturn();
      out.printf(Locale.ROOT, "  %2d. test %s .. %s  %-24s train %s %s  test %s %s  return %s%n", w.window().number(),
          w.window().testStart(), w.window().testEnd(), OptimizationTables.paramsText(w.bestOnTrain()),
          objective.cliName(), num(objective.of(w.bestOnTrain().stats())), objective.cliName(),
          num(objective.of(test)), pct(test.totalReturn()));
    }
    out.printf(Locale.ROOT, "Out-of-sample return, test periods compounded: %s%n", pct(compounded - 1.0));
    out.printf("Wrote %s%n", table);
  }

  private static String pct(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f%%", value * 100) : "n/a";
  }

  private static String num(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : (Double.isNaN(value) ? "n/a" : "inf");
  }
}
