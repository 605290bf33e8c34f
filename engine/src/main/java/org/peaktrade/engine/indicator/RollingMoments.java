package org.peaktrade.engine.indicator;

/**
 * Mean and population variance (ddof = 0) of the last {@code period} values in O(1) per update.
 *
 * <p>It keeps the mean and the sum of squared deviations (Welford's form, updated for the value that leaves
 * the window too) rather than a sum of squares: with BTC prices near 5e4 a sum of squares near 5e10 would
 * lose most of the digits of a variance near 1.
 */
final class RollingMoments {

  private final Window window;
  private double mean;
  private double squaredDeviations;

  RollingMoments(int period) {
    this.window = new Window(period);
  }

  void update(double x) {
    if (window.isFull()) {
      double leaving = window.oldest();
      double previousMean = mean;
      mean += (x - leaving) / window.size();
      squaredDeviations += (x - leaving) * (x - mean + leaving - previousMean);
    } else {
      double delta = x - mean;
      mean += delta / (window.size() + 1);
      squaredDeviations += delta * (x - mean);
    }
    window.push(x);
  }

  boolean isReady() {
    return window.isFull();
  }

  double mean() {
    return isReady() ? mean : Double.NaN;
  }

  /** Population standard deviation; rounding can push the running sum slightly below zero, hence the clamp. */
  double standardDeviation() {
    return isReady() ? Math.sqrt(Math.max(0, squaredDeviations / window.size())) : Double.NaN;
  }
}
