package org.peaktrade.engine.backtest;

/**
 * Equity marked at every bar close, as parallel primitive arrays (one entry per bar) for metrics and charts.
 * The values are approximations of the exact ledger equity, which the result reports separately.
 */
public record EquityCurve(long[] closeTimesMillis, double[] equity, boolean[] exposed) {

  public int size() {
    return equity.length;
  }

  /** Simple per-bar returns; the first bar's return is measured against the starting cash. */
  public double[] returns(double startingCash) {
    double[] returns = new double[equity.length];
    double previous = startingCash;
    for (int i = 0; i < equity.length; i++) {
      returns[i] = equity[i] / previous - 1.0;
      previous = equity[i];
    }
    return returns;
  }

  /** The fall from the running peak at each bar (0 or negative); the starting cash is the first peak. */
  public double[] drawdowns(double startingCash) {
    double[] drawdown = new double[equity.length];
    double peak = startingCash;
    for (int i = 0; i < equity.length; i++) {
      peak = Math.max(peak, equity[i]);
      drawdown[i] = equity[i] / peak - 1.0;
    }
    return drawdown;
  }
}
