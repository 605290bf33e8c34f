package org.peaktrade.bench;

/**
 * The ceiling: moving-average crossover with next-open fills and a per-bar equity mark, in primitives only, no
 * objects, no exact arithmetic. It does the same work as the engine's ma-cross run, so the ratio of the two is
 * the price of exact money, records and the shared pipeline.
 */
final class BareLoop {
  private BareLoop() {}

  /** Returns the sum of the equity curve so the JIT cannot drop the marking. */
  static double maCross(double[] open, double[] close, int fast, int slow, double quantity, double cash, double fee) {
    double fastSum = 0;
    double slowSum = 0;
    double previousDiff = Double.NaN;
    int position = 0;
    int pending = 0;
    double equitySum = 0;
    for (int i = 0; i < close.length; i++) {
      if (pending != 0) {
        double notional = (pending - position) * quantity * open[i];
        cash -= notional + Math.abs(notional) * fee;
        position = pending;
        pending = 0;
      }
      equitySum += cash + position * quantity * close[i];
      fastSum += close[i] - (i >= fast ? close[i - fast] : 0);
      slowSum += close[i] - (i >= slow ? close[i - slow] : 0);
      if (i + 1 >= slow) {
        double diff = fastSum / fast - slowSum / slow;
        if (previousDiff <= 0 && diff > 0) {
          pending = 1;
        } else if (previousDiff >= 0 && diff < 0) {
          pending = -1;
        }
        previousDiff = diff;
      }
    }
    return equitySum;
  }
}
