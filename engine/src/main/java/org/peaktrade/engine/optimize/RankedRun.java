package org.peaktrade.engine.optimize;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.peaktrade.engine.backtest.BacktestStats;

/** One parameter combination's backtest result, and how runs are ranked. */
public record RankedRun(Map<String, String> params, BacktestStats stats) {

  /**
   * Best first by the objective; NaN last; ties keep the grid order (a stable sort), so the ranking is the same
   * however many threads computed it.
   */
  public static List<RankedRun> rank(List<RankedRun> runs, Objective objective) {
    Comparator<RankedRun> byObjective = Comparator.comparingDouble(run -> {
      double value = objective.of(run.stats());
      return Double.isNaN(value) ? Double.NEGATIVE_INFINITY : value;
    });
    return runs.stream().sorted(byObjective.reversed()).toList();
  }
}
