package org.peaktrade.engine.metrics;

import java.time.Duration;

/**
 * How deep and how long an equity curve fell below its running peak. The first point is a peak, so money lost
 * right from the start counts as drawdown, as in {@link ReturnStatistics#maxDrawdown}.
 *
 * <p>A drawdown lasts from the last time equity stood at its peak until equity is back at or above that peak, or
 * until the end of the curve if it never is. Immutable: the drawdown series is copied on the way out.
 */
public final class DrawdownStatistics {

  private final double maxDrawdown;
  private final Duration maxDrawdownDuration;
  private final double[] drawdowns;

  private DrawdownStatistics(double maxDrawdown, Duration maxDrawdownDuration, double[] drawdowns) {
    this.maxDrawdown = maxDrawdown;
    this.maxDrawdownDuration = maxDrawdownDuration;
    this.drawdowns = drawdowns;
  }

  /**
   * @param equity account equity at each point, finite, the first one positive
   * @param epochMillis when each equity point was taken, never decreasing
   */
  public static DrawdownStatistics of(double[] equity, long[] epochMillis) {
    requireWellFormed(equity, epochMillis);
    if (equity.length == 0) {
      return new DrawdownStatistics(Double.NaN, Duration.ZERO, new double[0]);
    }
    double[] drawdowns = new double[equity.length];
    double deepest = 0.0;
    long longestMillis = 0;
    double peak = equity[0];
    long peakMillis = epochMillis[0];
    boolean belowPeak = false;
    for (int i = 0; i < equity.length; i++) {
      if (equity[i] >= peak) {
        if (belowPeak) {
          longestMillis = Math.max(longestMillis, epochMillis[i] - peakMillis);
        }
        peak = equity[i];
        peakMillis = epochMillis[i];
      }
      drawdowns[i] = equity[i] / peak - 1.0;
      deepest = Math.min(deepest, drawdowns[i]);
      belowPeak = drawdowns[i] < 0.0;
    }
    if (belowPeak) {
      longestMillis = Math.max(longestMillis, epochMillis[equity.length - 1] - peakMillis);
    }
    return new DrawdownStatistics(deepest, Duration.ofMillis(longestMillis), drawdowns);
  }

  /** The deepest fall below the running peak as a fraction, {@code <= 0}; NaN for an empty curve. */
  public double maxDrawdown() {
    return maxDrawdown;
  }

  /** The longest time spent below a peak; zero when equity never fell. */
  public Duration maxDrawdownDuration() {
    return maxDrawdownDuration;
  }

  /** {@code equity / runningPeak - 1} at each point, for charting. */
  public double[] drawdowns() {
    return drawdowns.clone();
  }

  // Corrupt input is worse than none: a NaN or a clock running backwards would silently skew every figure.
  private static void requireWellFormed(double[] equity, long[] epochMillis) {
    if (equity.length != epochMillis.length) {
      throw new IllegalArgumentException(
          equity.length + " equity points but " + epochMillis.length + " timestamps");
    }
    for (int i = 0; i < equity.length; i++) {
      if (!Double.isFinite(equity[i])) {
        throw new IllegalArgumentException("equity at index " + i + " is " + equity[i]);
      }
      if (i > 0 && epochMillis[i] < epochMillis[i - 1]) {
        throw new IllegalArgumentException("timestamp at index " + i + " goes back in time");
      }
    }
    if (equity.length > 0 && !(equity[0] > 0.0)) {
      throw new IllegalArgumentException("starting equity must be positive, was " + equity[0]);
    }
  }
}
