package org.peaktrade.engine.backtest;

/** Told after each processed bar; implementations decide how often to report. */
@FunctionalInterface
public interface BacktestProgress {
  BacktestProgress NONE = (done, total) -> {};

  void barsDone(int done, int total);
}
