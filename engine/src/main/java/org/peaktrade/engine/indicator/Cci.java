package org.peaktrade.engine.indicator;

/**
 * Commodity channel index: {@code (tp - SMA(tp)) / (0.015 * meanDeviation)} over the last {@code period}
 * typical prices {@code tp = (high + low + close) / 3}.
 *
 * <p>O(period) per update, the one exception to O(1) in this package: the mean absolute deviation is taken
 * around the current mean, which moves with every bar, so no running sum can carry it. When every typical
 * price in the window is equal the value is 0.0 rather than a division by zero. Ready after {@code period}
 * updates (Tulip emits its first value only after {@code 2 * period - 1} bars, with the same values).
 */
public final class Cci implements Indicator {

  private static final double LAMBERT_CONSTANT = 0.015;

  private final Window typicalPrices;
  private double sum;

  public Cci(int period) {
    this.typicalPrices = new Window(Parameters.atLeast("period", period, 1));
  }

  public void update(double high, double low, double close) {
    if (typicalPrices.isFull()) {
      sum -= typicalPrices.oldest();
    }
    double typical = (high + low + close) / 3;
    typicalPrices.push(typical);
    sum += typical;
  }

  @Override
  public boolean isReady() {
    return typicalPrices.isFull();
  }

  public double value() {
    if (!isReady()) {
      return Double.NaN;
    }
    int period = typicalPrices.size();
    double mean = sum / period;
    double absoluteDeviations = 0;
    for (int age = 0; age < period; age++) {
      absoluteDeviations += Math.abs(typicalPrices.ago(age) - mean);
    }
    double meanDeviation = absoluteDeviations / period;
    return meanDeviation == 0 ? 0.0 : (typicalPrices.ago(0) - mean) / (LAMBERT_CONSTANT * meanDeviation);
  }
}
