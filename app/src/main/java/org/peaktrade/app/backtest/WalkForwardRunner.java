package org.peaktrade.app.backtest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.peaktrade.engine.backtest.BacktestProgress;
import org.peaktrade.engine.optimize.Objective;
import org.peaktrade.engine.optimize.RankedRun;
import org.peaktrade.engine.optimize.WalkForwardPlan;
import org.peaktrade.protocol.Bar;

/**
 * For each walk-forward window: sweep the grid on the train bars, pick the best combination by the objective,
 * then run it on the test bars. The test run first shows the strategy the train bars as warm-up (no trading),
 * so indicators are ready when the test period starts; the account starts fresh in every window.
 */
final class WalkForwardRunner {
  private final SweepRunner sweeps;

  WalkForwardRunner(SweepRunner sweeps) {
    this.sweeps = sweeps;
  }

  record WindowResult(WalkForwardPlan.Window window, RankedRun bestOnTrain, RankedRun onTest) {}

  List<WindowResult> run(List<Bar> bars, WalkForwardPlan plan, List<Map<String, String>> grid, Objective objective,
      BacktestProgress progress) {
    Instant end = bars.get(bars.size() - 1).closeTime();
    List<WalkForwardPlan.Window> windows = plan.windows(bars.get(0).openTime(), end);
    List<WindowResult> results = new ArrayList<>(windows.size());
    for (WalkForwardPlan.Window window : windows) {
      int trainFrom = firstAtOrAfter(bars, window.trainStart());
      int testFrom = firstAtOrAfter(bars, window.testStart());
      int testTo = firstAtOrAfter(bars, window.testEnd());
      if (testFrom - trainFrom < 1 || testTo - testFrom < 1) {
        throw new IllegalArgumentException("walk-forward window " + window.number() + " (" + window.trainStart()
            + " to " + window.testEnd() + ") has no bars in its train or test period");
      }
      List<Bar> train = bars.subList(trainFrom, testFrom);
      RankedRun best = sweeps.run(train, 0, grid, objective, BacktestProgress.NONE).get(0);
      RankedRun test = sweeps.runOne(bars.subList(trainFrom, testTo), testFrom - trainFrom, best.params());
      results.add(new WindowResult(window, best, test));
      progress.barsDone(results.size(), windows.size());
    }
    return results;
  }

  private static int firstAtOrAfter(List<Bar> bars, Instant time) {
    int lo = 0;
    int hi = bars.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (bars.get(mid).openTime().isBefore(time)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
