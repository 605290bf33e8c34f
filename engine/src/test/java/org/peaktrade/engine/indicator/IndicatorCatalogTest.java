package org.peaktrade.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IndicatorCatalogTest {

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "sma:15; sma_15",
      "ema:20; ema_20",
      "wma:9; wma_9",
      "rsi:14; rsi_14",
      "atr:14; atr_14",
      "bbands:20:2; bbands_20_2_lower, bbands_20_2_middle, bbands_20_2_upper",
      "macd:12:26:9; macd_12_26_9_macd, macd_12_26_9_signal, macd_12_26_9_histogram",
      "stoch:14:3:3; stoch_14_3_3_k, stoch_14_3_3_d",
      "donchian:20; donchian_20_lower, donchian_20_middle, donchian_20_upper",
      "adx:14; adx_14_adx, adx_14_plus_di, adx_14_minus_di",
      "cci:20; cci_20",
      "zscore:20; zscore_20",
      "momentum:10; momentum_10",
      "roc:10; roc_10",
      "SMA:15; sma_15"})
  void namesColumnsAfterTheSpec(String spec, String columns) {
    assertThat(IndicatorCatalog.parse(spec).columns()).containsExactly(columns.split(", "));
  }

  @Test
  void reportsNanUntilReadyThenTheIndicatorsValues() {
    IndicatorColumns bands = IndicatorCatalog.parse("bbands:3:2");
    bands.update(0, 0, 0, 1, 0);
    bands.update(0, 0, 0, 2, 0);
    assertThat(bands.isReady()).isFalse();
    assertThat(bands.values()).containsOnly(Double.NaN);
    bands.update(0, 0, 0, 3, 0);
    double deviation = Math.sqrt(2.0 / 3);
    assertThat(bands.isReady()).isTrue();
    assertThat(bands.values()).containsExactly(2 - 2 * deviation, 2, 2 + 2 * deviation);
  }

  @Test
  void feedsHighLowAndCloseToBarIndicators() {
    IndicatorColumns channel = IndicatorCatalog.parse("donchian:2");
    channel.update(99, 10, 1, 5, 7);
    channel.update(99, 12, 3, 5, 7);
    assertThat(channel.values()).containsExactly(1, 6.5, 12);
  }

  @ParameterizedTest
  @ValueSource(strings = {"foo:3", "", "sma", "sma:1:2", "bbands:20", "macd:12:26", "sma:x", "bbands:20:two"})
  void rejectsMalformedSpecsListingTheValidOnes(String spec) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> IndicatorCatalog.parse(spec))
        .withMessageContaining("'" + spec + "'")
        .withMessageContaining("valid specs: sma:period, ema:period")
        .withMessageContaining("bbands:period:k")
        .withMessageContaining("macd:fast:slow:signal")
        .withMessageContaining("roc:period");
  }

  @Test
  void namesTheArgumentThatIsNotANumber() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> IndicatorCatalog.parse("stoch:14:x:3"))
        .withMessageStartingWith("invalid indicator spec 'stoch:14:x:3': kSlowing must be an integer but was 'x'");
  }

  @Test
  void passesOnTheIndicatorsOwnParameterCheck() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> IndicatorCatalog.parse("sma:0"))
        .withMessage("invalid indicator spec 'sma:0': period must be >= 1 but was 0");
  }
}
