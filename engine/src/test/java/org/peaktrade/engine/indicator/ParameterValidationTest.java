package org.peaktrade.engine.indicator;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ParameterValidationTest {

  @Test
  void rejectsAPeriodBelowOneNamingIt() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Sma(0)).withMessage("period must be >= 1 but was 0");
    assertThatIllegalArgumentException().isThrownBy(() -> new Ema(-3)).withMessage("period must be >= 1 but was -3");
    assertThatIllegalArgumentException().isThrownBy(() -> new Wma(0)).withMessage("period must be >= 1 but was 0");
    assertThatIllegalArgumentException().isThrownBy(() -> new Rsi(0)).withMessage("period must be >= 1 but was 0");
    assertThatIllegalArgumentException().isThrownBy(() -> new Atr(0)).withMessage("period must be >= 1 but was 0");
    assertThatIllegalArgumentException().isThrownBy(() -> new Cci(0)).withMessage("period must be >= 1 but was 0");
    assertThatIllegalArgumentException().isThrownBy(() -> new ZScore(0)).withMessage("period must be >= 1 but was 0");
    assertThatIllegalArgumentException().isThrownBy(() -> new Momentum(0))
        .withMessage("period must be >= 1 but was 0");
    assertThatIllegalArgumentException().isThrownBy(() -> new RateOfChange(0))
        .withMessage("period must be >= 1 but was 0");
    assertThatIllegalArgumentException().isThrownBy(() -> new DonchianChannel(0))
        .withMessage("period must be >= 1 but was 0");
  }

  @Test
  void requiresTwoBarsForAdxBecauseOneMoveCannotSeedTheSums() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Adx(1)).withMessage("period must be >= 2 but was 1");
  }

  @Test
  void rejectsANonPositiveBandWidth() {
    assertThatIllegalArgumentException().isThrownBy(() -> new BollingerBands(20, 0))
        .withMessage("k must be a positive finite number but was 0.0");
    assertThatIllegalArgumentException().isThrownBy(() -> new BollingerBands(20, Double.NaN))
        .withMessage("k must be a positive finite number but was NaN");
  }

  @Test
  void namesTheFailingMacdPeriod() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Macd(12, 26, 0))
        .withMessage("signal must be >= 1 but was 0");
    assertThatIllegalArgumentException().isThrownBy(() -> new Macd(26, 12, 9))
        .withMessage("fast must be < slow but was fast=26, slow=12");
  }

  @Test
  void namesTheFailingStochasticPeriod() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Stochastic(14, 0, 3))
        .withMessage("kSlowing must be >= 1 but was 0");
    assertThatIllegalArgumentException().isThrownBy(() -> new Stochastic(14, 3, 0))
        .withMessage("dPeriod must be >= 1 but was 0");
  }
}
