package org.peaktrade.engine.indicator;

/**
 * Bollinger bands: the middle band is the SMA of the last {@code period} values, the outer bands are
 * {@code k} population standard deviations (ddof = 0, as Bollinger, StockCharts and Tulip define them) above
 * and below it. Ready after {@code period} updates.
 */
public final class BollingerBands implements Indicator {

  private final double k;
  private final RollingMoments moments;

  public BollingerBands(int period, double k) {
    this.moments = new RollingMoments(Parameters.atLeast("period", period, 1));
    this.k = Parameters.positiveFinite("k", k);
  }

  public void update(double x) {
    moments.update(x);
  }

  @Override
  public boolean isReady() {
    return moments.isReady();
  }

  public double middle() {
    return moments.mean();
  }

  public double upper() {
    return moments.mean() + k * moments.standardDeviation();
  }

  public double lower() {
    return moments.mean() - k * moments.standardDeviation();
  }
}
