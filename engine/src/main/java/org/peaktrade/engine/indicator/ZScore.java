package org.peaktrade.engine.indicator;

/**
 * How many standard deviations the latest value lies from the mean of the last {@code period} values (the
 * latest included): {@code (x - mean) / std} with the population standard deviation (ddof = 0), matching
 * {@link BollingerBands}. Ready after {@code period} updates.
 *
 * <p>When the window is constant the standard deviation is 0 and the value is 0.0, not NaN: the latest value
 * equals the mean, and a strategy should see "no deviation" rather than a poisoned signal.
 */
public final class ZScore implements Indicator {

  private final RollingMoments moments;
  private double latest = Double.NaN;

  public ZScore(int period) {
    this.moments = new RollingMoments(Parameters.atLeast("period", period, 1));
  }

  public void update(double x) {
    moments.update(x);
    latest = x;
  }

  @Override
  public boolean isReady() {
    return moments.isReady();
  }

  public double value() {
    if (!isReady()) {
      return Double.NaN;
    }
    double deviation = moments.standardDeviation();
    return deviation == 0 ? 0.0 : (latest - moments.mean()) / deviation;
  }
}
