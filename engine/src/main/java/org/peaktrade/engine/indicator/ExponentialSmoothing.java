package org.peaktrade.engine.indicator;

/**
 * The recursion behind {@link Ema} and {@link Macd}: seeded with the first value, then
 * {@code s += alpha * (x - s)} with {@code alpha = 2 / (period + 1)}. It has no notion of readiness; its
 * owners decide when the seed has decayed enough.
 */
final class ExponentialSmoothing {

  private final double alpha;
  private double value = Double.NaN;
  private long count;

  ExponentialSmoothing(int period) {
    this.alpha = 2.0 / (period + 1);
  }

  void update(double x) {
    value = count == 0 ? x : value + alpha * (x - value);
    count++;
  }

  double value() {
    return value;
  }

  long count() {
    return count;
  }
}
