package org.peaktrade.app.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.peaktrade.engine.backtest.BacktestConfig;
import org.peaktrade.engine.backtest.BacktestEngine;
import org.peaktrade.engine.backtest.BacktestProgress;
import org.peaktrade.engine.backtest.BacktestResult;
import org.peaktrade.engine.backtest.BacktestStats;
import org.peaktrade.engine.optimize.Objective;
import org.peaktrade.engine.optimize.RankedRun;
import org.peaktrade.engine.strategy.StrategyCatalog;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Instrument;

/**
 * Runs one backtest per parameter combination on a fixed pool of threads (all cores by default). Every run gets
 * its own strategy and ledger; the bars are shared read-only. The ranking does not depend on thread timing.
 */
final class SweepRunner {
  private final Instrument instrument;
  private final BacktestConfig config;
  private final String strategy;
  private final int daysPerYear;
  private final int threads;

  SweepRunner(Instrument instrument, BacktestConfig config, String strategy, int daysPerYear, int threads) {
    this.instrument = instrument;
    this.config = config;
    this.strategy = strategy;
    this.daysPerYear = daysPerYear;
    this.threads = threads;
  }

  List<RankedRun> run(List<Bar> bars, int warmupBars, List<Map<String, String>> grid, Objective objective,
      BacktestProgress progress) {
    grid.forEach(params -> StrategyCatalog.create(strategy, params));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      AtomicInteger done = new AtomicInteger();
      List<Future<RankedRun>> futures = new ArrayList<>(grid.size());
      for (Map<String, String> params : grid) {
        futures.add(pool.submit(() -> {
          RankedRun run = runOne(bars, warmupBars, params);
          progress.barsDone(done.incrementAndGet(), grid.size());
          return run;
        }));
      }
      List<RankedRun> runs = new ArrayList<>(grid.size());
      for (Future<RankedRun> future : futures) {
        runs.add(future.get());
      }
      return RankedRun.rank(runs, objective);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("sweep interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  RankedRun runOne(List<Bar> bars, int warmupBars, Map<String, String> params) {
    BacktestResult result = new BacktestEngine(instrument, config)
        .run(bars, warmupBars, StrategyCatalog.create(strategy, params), BacktestProgress.NONE);
    Bar first = bars.get(warmupBars);
    return new RankedRun(params, BacktestStats.of(result, first.openTime(), first.interval(), daysPerYear));
  }
}
