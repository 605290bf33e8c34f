package org.peaktrade.engine.metrics;

import java.util.Arrays;

/**
 * Performance metrics over a series of simple per-period returns, with exactly the conventions of empyrical (the
 * library behind pyfolio and Zipline), so our reports can be checked against its published test values.
 *
 * <p>Conventions shared by every method: returns are fractions ({@code 0.01} = +1 %); a NaN return is a missing
 * observation, counted as a zero return when compounding and skipped by means and standard deviations;
 * {@code annualizationFactor} is the number of periods per year (see {@link Annualization#periodsPerYear});
 * per-period adjustments (risk-free rate, required return) may be a scalar or a series aligned with the returns.
 * Undefined results are NaN, never exceptions: an empty series, too few returns, or 0/0.
 * The formulas are written out in {@code docs/backtesting-metrics.md}.
 */
public final class ReturnStatistics {

  private ReturnStatistics() {
  }

  /**
   * Compounded growth after each period: {@code prod(1 + r) - 1} when {@code startingValue} is 0, otherwise the
   * equity {@code startingValue * prod(1 + r)}.
   */
  public static double[] cumulativeReturns(double[] returns, double startingValue) {
    double[] cumulative = new double[returns.length];
    double growth = 1.0;
    for (int i = 0; i < returns.length; i++) {
      growth *= 1.0 + zeroIfMissing(returns[i]);
      cumulative[i] = startingValue == 0.0 ? growth - 1.0 : growth * startingValue;
    }
    return cumulative;
  }

  /** The last value of {@link #cumulativeReturns}; NaN for an empty series. */
  public static double cumulativeReturnsFinal(double[] returns, double startingValue) {
    if (returns.length == 0) {
      return Double.NaN;
    }
    return cumulativeReturns(returns, startingValue)[returns.length - 1];
  }

  /**
   * Deepest fall from a running peak, {@code min_t(W_t / max_{s<=t} W_s - 1)}, a fraction {@code <= 0}. The equity
   * before the first return is a peak, so a series that only falls has its total loss as max drawdown.
   */
  public static double maxDrawdown(double[] returns) {
    if (returns.length == 0) {
      return Double.NaN;
    }
    double equity = 1.0;
    double peak = equity;
    double deepest = 0.0;
    for (double periodReturn : returns) {
      equity *= 1.0 + zeroIfMissing(periodReturn);
      peak = Math.max(peak, equity);
      deepest = Math.min(deepest, equity / peak - 1.0);
    }
    return deepest;
  }

  /**
   * Compound annual growth rate, {@code prod(1 + r)^(1 / years) - 1} with {@code years = n / annualizationFactor}
   * where n counts every period, NaN ones included, because a missing observation still took up time.
   */
  public static double annualReturn(double[] returns, double annualizationFactor) {
    if (returns.length == 0) {
      return Double.NaN;
    }
    double years = returns.length / annualizationFactor;
    return Math.pow(cumulativeReturnsFinal(returns, 1.0), 1.0 / years) - 1.0;
  }

  /** {@code std(r, ddof = 1) * sqrt(annualizationFactor)}; NaN with fewer than two returns. */
  public static double annualVolatility(double[] returns, double annualizationFactor) {
    if (returns.length < 2) {
      return Double.NaN;
    }
    return NanSkipping.sampleStandardDeviation(returns) * Math.sqrt(annualizationFactor);
  }

  /** {@code annualReturn / |maxDrawdown|}; NaN without a drawdown or when the ratio is infinite. */
  public static double calmarRatio(double[] returns, double annualizationFactor) {
    double maxDrawdown = maxDrawdown(returns);
    if (!(maxDrawdown < 0.0)) {
      return Double.NaN;
    }
    double ratio = annualReturn(returns, annualizationFactor) / Math.abs(maxDrawdown);
    return Double.isInfinite(ratio) ? Double.NaN : ratio;
  }

  /** Sharpe ratio with a constant per-period risk-free rate. */
  public static double sharpeRatio(double[] returns, double riskFreePerPeriod, double annualizationFactor) {
    return sharpeRatio(returns, constant(riskFreePerPeriod, returns.length), annualizationFactor);
  }

  /**
   * {@code mean(r - rf) / std(r - rf, ddof = 1) * sqrt(annualizationFactor)}. NaN with fewer than two returns or
   * when excess returns are all zero; +inf (-inf) for a constant positive (negative) excess return.
   */
  public static double sharpeRatio(double[] returns, double[] riskFreePerPeriod, double annualizationFactor) {
    if (returns.length < 2) {
      return Double.NaN;
    }
    double[] excess = minus(returns, riskFreePerPeriod);
    return NanSkipping.mean(excess) / NanSkipping.sampleStandardDeviation(excess) * Math.sqrt(annualizationFactor);
  }

  /** Downside risk below a constant per-period required return. */
  public static double downsideRisk(double[] returns, double requiredReturnPerPeriod, double annualizationFactor) {
    return downsideRisk(returns, constant(requiredReturnPerPeriod, returns.length), annualizationFactor);
  }

  /**
   * {@code sqrt(mean(min(r - req, 0)^2)) * sqrt(annualizationFactor)}. The mean runs over all non-NaN periods, so
   * periods above the requirement count as zero shortfall rather than being left out. NaN for an empty series.
   */
  public static double downsideRisk(double[] returns, double[] requiredReturnPerPeriod, double annualizationFactor) {
    if (returns.length == 0) {
      return Double.NaN;
    }
    double[] squaredShortfalls = minus(returns, requiredReturnPerPeriod);
    for (int i = 0; i < squaredShortfalls.length; i++) {
      double shortfall = Math.min(squaredShortfalls[i], 0.0);
      squaredShortfalls[i] = shortfall * shortfall;
    }
    return Math.sqrt(NanSkipping.mean(squaredShortfalls)) * Math.sqrt(annualizationFactor);
  }

  /** Sortino ratio against a constant per-period required return. */
  public static double sortinoRatio(double[] returns, double requiredReturnPerPeriod, double annualizationFactor) {
    return sortinoRatio(returns, constant(requiredReturnPerPeriod, returns.length), annualizationFactor);
  }

  /**
   * {@code mean(r - req) * annualizationFactor / downsideRisk(r, req)}. NaN with fewer than two returns; +inf
   * when the mean excess is positive and no period falls short.
   */
  public static double sortinoRatio(double[] returns, double[] requiredReturnPerPeriod, double annualizationFactor) {
    if (returns.length < 2) {
      return Double.NaN;
    }
    double annualExcess = NanSkipping.mean(minus(returns, requiredReturnPerPeriod)) * annualizationFactor;
    return annualExcess / downsideRisk(returns, requiredReturnPerPeriod, annualizationFactor);
  }

  /** Omega ratio with a constant per-period risk-free rate. */
  public static double omegaRatio(
      double[] returns, double riskFreePerPeriod, double requiredAnnualReturn, double annualizationFactor) {
    return omegaRatio(returns, constant(riskFreePerPeriod, returns.length), requiredAnnualReturn,
        annualizationFactor);
  }

  /**
   * {@code sum(max(x, 0)) / -sum(min(x, 0))} with {@code x = r - rf - threshold}, where the annual required return
   * becomes the per-period {@code threshold = (1 + req)^(1 / annualizationFactor) - 1} (used as is when the factor
   * is 1). NaN with fewer than two returns, a required return of -100 % or worse, or no period below threshold.
   */
  public static double omegaRatio(
      double[] returns, double[] riskFreePerPeriod, double requiredAnnualReturn, double annualizationFactor) {
    if (returns.length < 2) {
      return Double.NaN;
    }
    double threshold;
    if (annualizationFactor == 1.0) {
      threshold = requiredAnnualReturn;
    } else if (requiredAnnualReturn <= -1.0) {
      return Double.NaN;
    } else {
      threshold = Math.pow(1.0 + requiredAnnualReturn, 1.0 / annualizationFactor) - 1.0;
    }
    double gains = 0.0;
    double losses = 0.0;
    for (double excess : minus(returns, riskFreePerPeriod)) {
      double beyondThreshold = excess - threshold;
      if (beyondThreshold > 0.0) {
        gains += beyondThreshold;
      } else if (beyondThreshold < 0.0) {
        losses -= beyondThreshold;
      }
    }
    return losses > 0.0 ? gains / losses : Double.NaN;
  }

  /** Excess Sharpe against a constant per-period benchmark return. */
  public static double excessSharpe(double[] returns, double benchmarkReturn) {
    return excessSharpe(returns, constant(benchmarkReturn, returns.length));
  }

  /**
   * Not annualised: {@code mean(r - b) / std(r - b, ddof = 1)}, the information ratio per period against a
   * benchmark such as buy-and-hold. NaN with fewer than two returns.
   */
  public static double excessSharpe(double[] returns, double[] benchmarkReturns) {
    if (returns.length < 2) {
      return Double.NaN;
    }
    double[] activeReturns = minus(returns, benchmarkReturns);
    return NanSkipping.mean(activeReturns) / NanSkipping.sampleStandardDeviation(activeReturns);
  }

  /**
   * {@code |95th percentile| / |5th percentile|} of the non-NaN returns (linear interpolation): how much larger the
   * right tail is than the left. NaN when there is no return.
   */
  public static double tailRatio(double[] returns) {
    return Math.abs(NanSkipping.percentile(returns, 95.0)) / Math.abs(NanSkipping.percentile(returns, 5.0));
  }

  /**
   * R² of a least-squares line through the cumulative log returns {@code sum(log(1 + r))} of the non-NaN returns
   * against their index: 1 for perfectly steady growth. NaN with fewer than two returns; 0 when the line is flat.
   */
  public static double stabilityOfTimeseries(double[] returns) {
    double[] observed = NanSkipping.withoutNaN(returns);
    if (returns.length < 2 || observed.length < 2) {
      return Double.NaN;
    }
    double[] cumulativeLogReturns = new double[observed.length];
    double logGrowth = 0.0;
    for (int i = 0; i < observed.length; i++) {
      logGrowth += Math.log1p(observed[i]);
      cumulativeLogReturns[i] = logGrowth;
    }
    double correlation = correlationWithIndex(cumulativeLogReturns);
    return correlation * correlation;
  }

  private static double correlationWithIndex(double[] values) {
    double meanIndex = (values.length - 1) / 2.0;
    double meanValue = NanSkipping.mean(values);
    double covariance = 0.0;
    double indexVariance = 0.0;
    double valueVariance = 0.0;
    for (int i = 0; i < values.length; i++) {
      double indexDeviation = i - meanIndex;
      double valueDeviation = values[i] - meanValue;
      covariance += indexDeviation * valueDeviation;
      indexVariance += indexDeviation * indexDeviation;
      valueVariance += valueDeviation * valueDeviation;
    }
    // scipy's linregress reports r = 0 for a flat line instead of 0/0.
    return valueVariance == 0.0 ? 0.0 : covariance / Math.sqrt(indexVariance * valueVariance);
  }

  private static double[] minus(double[] returns, double[] adjustments) {
    if (adjustments.length != returns.length) {
      throw new IllegalArgumentException(
          "adjustment series has " + adjustments.length + " periods, returns have " + returns.length);
    }
    double[] difference = new double[returns.length];
    for (int i = 0; i < returns.length; i++) {
      difference[i] = returns[i] - adjustments[i];
    }
    return difference;
  }

  private static double[] constant(double value, int length) {
    double[] series = new double[length];
    Arrays.fill(series, value);
    return series;
  }

  private static double zeroIfMissing(double periodReturn) {
    return Double.isNaN(periodReturn) ? 0.0 : periodReturn;
  }
}
