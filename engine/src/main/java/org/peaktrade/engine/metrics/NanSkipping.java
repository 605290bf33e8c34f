package org.peaktrade.engine.metrics;

import java.util.Arrays;

/**
 * Moments and percentiles that ignore NaN entries, like numpy's {@code nanmean}/{@code nanstd}, which empyrical
 * uses throughout. A NaN in a return series means "no observation", not "zero return".
 */
final class NanSkipping {

  private NanSkipping() {
  }

  static int count(double[] values) {
    int count = 0;
    for (double value : values) {
      if (!Double.isNaN(value)) {
        count++;
      }
    }
    return count;
  }

  static double mean(double[] values) {
    int count = count(values);
    if (count == 0) {
      return Double.NaN;
    }
    double naiveMean = sum(values) / count;
    // One correction pass cancels the rounding of the plain sum, so a constant series has exactly its value as
    // mean and exactly zero deviation; empyrical relies on that to report +inf Sharpe for a flat positive line.
    double residual = 0.0;
    for (double value : values) {
      if (!Double.isNaN(value)) {
        residual += value - naiveMean;
      }
    }
    return naiveMean + residual / count;
  }

  /** Sample standard deviation (ddof = 1); NaN with fewer than two observations. */
  static double sampleStandardDeviation(double[] values) {
    int count = count(values);
    if (count < 2) {
      return Double.NaN;
    }
    double mean = mean(values);
    double squaredDeviations = 0.0;
    for (double value : values) {
      if (!Double.isNaN(value)) {
        squaredDeviations += (value - mean) * (value - mean);
      }
    }
    return Math.sqrt(squaredDeviations / (count - 1));
  }

  /** Percentile with linear interpolation between closest ranks, numpy's default; NaN when nothing is left. */
  static double percentile(double[] values, double percent) {
    double[] sorted = withoutNaN(values);
    if (sorted.length == 0) {
      return Double.NaN;
    }
    Arrays.sort(sorted);
    double rank = percent / 100.0 * (sorted.length - 1);
    int below = (int) Math.floor(rank);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
  }

  static double[] withoutNaN(double[] values) {
    return Arrays.stream(values).filter(value -> !Double.isNaN(value)).toArray();
  }

  private static double sum(double[] values) {
    double sum = 0.0;
    for (double value : values) {
      if (!Double.isNaN(value)) {
        sum += value;
      }
    }
    return sum;
  }
}
