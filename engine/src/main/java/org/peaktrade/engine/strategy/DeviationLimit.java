package org.peaktrade.engine.strategy;

import java.util.Locale;

/**
 * A value can lie at most {@code sqrt(n - 1)} population standard deviations from the mean of a window of
 * {@code n} values that includes it (Samuelson's inequality). A band or z-score threshold at or beyond that can
 * never be crossed, so a strategy configured with one would silently never trade; we reject it instead.
 */
final class DeviationLimit {

  private DeviationLimit() {}

  static void requireReachable(String name, double threshold, int period) {
    double farthest = Math.sqrt(period - 1.0);
    if (threshold >= farthest) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s=%s can never be reached with period=%d: a close lies at most sqrt(period - 1) = %.3f standard "
              + "deviations from a mean that includes it", name, threshold, period, farthest));
    }
  }
}
