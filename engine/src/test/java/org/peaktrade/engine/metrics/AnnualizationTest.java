package org.peaktrade.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static org.peaktrade.engine.metrics.Annualization.CRYPTO_DAYS_PER_YEAR;
import static org.peaktrade.engine.metrics.Annualization.TRADING_DAYS_PER_YEAR;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AnnualizationTest {

  @Test
  void oneMinuteBarsAroundTheClockMake525600PeriodsPerYear() {
    assertThat(Annualization.periodsPerYear(Duration.ofMinutes(1), CRYPTO_DAYS_PER_YEAR)).isEqualTo(525_600.0);
  }

  @Test
  void hourlyAndDailyBarsScaleWithTheDaysPerYear() {
    assertThat(Annualization.periodsPerYear(Duration.ofHours(1), CRYPTO_DAYS_PER_YEAR)).isEqualTo(8_760.0);
    assertThat(Annualization.periodsPerYear(Duration.ofDays(1), CRYPTO_DAYS_PER_YEAR)).isEqualTo(365.0);
    assertThat(Annualization.periodsPerYear(Duration.ofDays(1), TRADING_DAYS_PER_YEAR)).isEqualTo(252.0);
    assertThat(Annualization.periodsPerYear(Duration.ofMinutes(1), TRADING_DAYS_PER_YEAR)).isEqualTo(362_880.0);
  }

  @Test
  void doublingOverExactlyOneCryptoYearIsAHundredPercent() {
    assertThat(Annualization.cagr(1_000, 2_000, Duration.ofDays(365), CRYPTO_DAYS_PER_YEAR))
        .isCloseTo(1.0, within(1e-12));
  }

  @Test
  void doublingOverTwoYearsIsTheSquareRootOfTwoMinusOne() {
    assertThat(Annualization.cagr(1_000, 2_000, Duration.ofDays(730), CRYPTO_DAYS_PER_YEAR))
        .isCloseTo(0.41421356237309515, within(1e-12));
  }

  @Test
  void theSameDoublingIsSlowerPerYearWhenAYearHas252Days() {
    // 365 calendar days are 365/252 = 1.448 trading years, so the growth per year is 2^(252/365) - 1.
    assertThat(Annualization.cagr(1_000, 2_000, Duration.ofDays(365), TRADING_DAYS_PER_YEAR))
        .isCloseTo(Math.pow(2.0, 252.0 / 365.0) - 1.0, within(1e-12))
        .isCloseTo(0.61374, within(1e-5));
  }

  @Test
  void halvingOverHalfAYearCompoundsToAQuarterLeftAfterAYear() {
    assertThat(Annualization.cagr(100, 50, Duration.ofHours(365 * 12), CRYPTO_DAYS_PER_YEAR))
        .isCloseTo(-0.75, within(1e-12));
  }

  @Test
  void growthOverNoElapsedTimeIsUndefined() {
    assertThat(Annualization.cagr(100, 110, Duration.ZERO, CRYPTO_DAYS_PER_YEAR)).isNaN();
  }

  @Test
  void growthFromNothingIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Annualization.cagr(0, 110, Duration.ofDays(1), CRYPTO_DAYS_PER_YEAR))
        .withMessageContaining("start equity");
  }

  @Test
  void aBarIntervalOfZeroIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Annualization.periodsPerYear(Duration.ZERO, CRYPTO_DAYS_PER_YEAR))
        .withMessageContaining("bar interval");
  }
}
