package org.peaktrade.engine.metrics;

import java.time.Duration;

/**
 * Converts between bar intervals, elapsed time and years. Crypto trades every day, so a year is 365 days by
 * default; 252 (exchange trading days) stays available to compare with equity-market figures and empyrical.
 */
public final class Annualization {

  public static final int CRYPTO_DAYS_PER_YEAR = 365;
  public static final int TRADING_DAYS_PER_YEAR = 252;

  private static final double SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();

  private Annualization() {
  }

  /**
   * How many bars of {@code barInterval} fit in a year of {@code daysPerYear} days, the
   * {@code annualizationFactor} of {@link ReturnStatistics}: 1-minute bars at 365 days give 525,600.
   */
  public static double periodsPerYear(Duration barInterval, int daysPerYear) {
    requirePositive(barInterval, "bar interval");
    requirePositiveDays(daysPerYear);
    return daysPerYear * SECONDS_PER_DAY / seconds(barInterval);
  }

  /**
   * Compound annual growth rate over wall-clock time, {@code (end / start)^(1 / years) - 1} with
   * {@code years = elapsed days / daysPerYear}. The backtest reports this rather than
   * {@link ReturnStatistics#annualReturn}, whose year length comes from counting bars and so drifts when bars are
   * missing. NaN when no time has elapsed, because a growth rate over zero time is undefined.
   */
  public static double cagr(double startEquity, double endEquity, Duration elapsed, int daysPerYear) {
    if (!(startEquity > 0.0)) {
      throw new IllegalArgumentException("start equity must be positive to measure growth, was " + startEquity);
    }
    if (elapsed.isNegative()) {
      throw new IllegalArgumentException("elapsed time must not be negative, was " + elapsed);
    }
    requirePositiveDays(daysPerYear);
    if (elapsed.isZero()) {
      return Double.NaN;
    }
    double years = seconds(elapsed) / SECONDS_PER_DAY / daysPerYear;
    return Math.pow(endEquity / startEquity, 1.0 / years) - 1.0;
  }

  private static double seconds(Duration duration) {
    return duration.getSeconds() + duration.getNano() / 1e9;
  }

  private static void requirePositive(Duration duration, String what) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, was " + duration);
    }
  }

  private static void requirePositiveDays(int daysPerYear) {
    if (daysPerYear <= 0) {
      throw new IllegalArgumentException("days per year must be positive, was " + daysPerYear);
    }
  }
}
