package org.peaktrade.app.backtest;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.peaktrade.engine.backtest.BacktestStats;
import org.peaktrade.engine.optimize.Objective;
import org.peaktrade.engine.optimize.RankedRun;

/** The ranked sweep table and the walk-forward table, as CSV. */
final class OptimizationTables {
  private OptimizationTables() {}

  static void writeSweep(List<RankedRun> ranked, Objective objective, Writer out) throws IOException {
    List<String> names = new ArrayList<>(ranked.get(0).params().keySet());
    out.write("rank," + String.join(",", names) + "," + objective.cliName()
        + ",total_return,cagr,sharpe,sortino,max_drawdown,trades,win_rate,final_equity\n");
    int rank = 0;
    for (RankedRun run : ranked) {
      BacktestStats s = run.stats();
      StringBuilder line = new StringBuilder().append(++rank);
      names.forEach(name -> line.append(',').append(run.params().get(name)));
      line.append(',').append(number(objective.of(s))).append(',').append(number(s.totalReturn())).append(',')
          .append(number(s.cagr())).append(',').append(number(s.sharpe())).append(',').append(number(s.sortino()))
          .append(',').append(number(s.maxDrawdown())).append(',').append(s.trades().numberOfTrades()).append(',')
          .append(number(s.trades().winRate())).append(',').append(s.finalEquity()).append('\n');
      out.write(line.toString());
    }
  }

  static void writeWalkForward(List<WalkForwardRunner.WindowResult> windows, Objective objective, Writer out)
      throws IOException {
    out.write("window,train_start,train_end,test_start,test_end,params,train_" + objective.cliName().replace('-', '_')
        + ",test_" + objective.cliName().replace('-', '_') + ",test_total_return,test_max_drawdown,test_trades\n");
    for (WalkForwardRunner.WindowResult w : windows) {
      BacktestStats test = w.onTest().stats();
      out.write(w.window().number() + "," + w.window().trainStart() + "," + w.window().trainEnd() + ","
          + w.window().testStart() + "," + w.window().testEnd() + ",\"" + paramsText(w.bestOnTrain()) + "\","
          + number(objective.of(w.bestOnTrain().stats())) + "," + number(objective.of(test)) + ","
          + number(test.totalReturn()) + "," + number(test.maxDrawdown()) + "," + test.trades().numberOfTrades()
          + "\n");
    }
  }

  static String paramsText(RankedRun run) {
    StringBuilder text = new StringBuilder();
    run.params().forEach((k, v) -> text.append(text.length() == 0 ? "" : " ").append(k).append('=').append(v));
    return text.toString();
  }

  static String number(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.6f", value) : "";
  }
}
