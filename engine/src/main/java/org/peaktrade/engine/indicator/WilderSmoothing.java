package org.peaktrade.engine.indicator;

/**
 * Wilder's smoothing as used by RSI, ATR and ADX: the first value is the simple mean of the first
 * {@code period} inputs, each later one is {@code (previous * (period - 1) + x) / period}.
 */
final class WilderSmoothing {

  private final int period;
  private double value;
  private long count;

  WilderSmoothing(int period) {
    this.period = period;
  }

  void update(double x) {
    count++;
    if (count < period) {
      value += x;
    } else if (count == period) {
      value = (value + x) / period;
    } else {
      value = (value * (period - 1) + x) / period;
    }
  }

  boolean isReady() {
    return count >= period;
  }

  double value() {
    return isReady() ? value : Double.NaN;
  }
}
