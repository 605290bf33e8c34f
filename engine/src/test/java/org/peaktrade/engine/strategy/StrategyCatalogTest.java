package org.peaktrade.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.peaktrade.engine.fixtures.StrategyBars.directions;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategyCatalogTest {

  @Test
  void listsEveryStrategyByItsCommandLineName() {
    assertThat(StrategyCatalog.all()).extracting(StrategyDefinition::name).containsExactly(
        "ma-cross", "price-sma-cross", "rsi-reversion", "donchian-breakout", "bollinger-reversion", "macd",
        "momentum", "zscore-reversion", "adx-trend");
  }

  @Test
  void everyStrategyCanBeBuiltFromItsDefaults() {
    for (StrategyDefinition definition : StrategyCatalog.all()) {
      assertThat(StrategyCatalog.create(definition.name(), Map.of())).as(definition.name()).isNotNull();
    }
  }

  @Test
  void eachCreateReturnsAFreshStrategyWithItsOwnState() {
    Strategy first = StrategyCatalog.create("ma-cross", Map.of("fast", "2", "slow", "3"));
    directions(first, 10, 10, 10, 13);

    Strategy second = StrategyCatalog.create("ma-cross", Map.of("fast", "2", "slow", "3"));

    assertThat(directions(second, 13)).containsExactly(Direction.FLAT);
  }

  @Test
  void anUnknownStrategyNameIsRejectedWithTheListOfValidNames() {
    assertThatThrownBy(() -> StrategyCatalog.get("ma-crossover"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown strategy 'ma-crossover'; valid strategies: ma-cross, price-sma-cross, rsi-reversion, "
            + "donchian-breakout, bollinger-reversion, macd, momentum, zscore-reversion, adx-trend");
  }

  @Test
  void anUnknownParameterIsRejectedWithTheStrategysParametersAndDefaults() {
    assertThatThrownBy(() -> StrategyCatalog.create("ma-cross", Map.of("fats", "5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("strategy ma-cross: unknown parameter 'fats'; valid parameters: "
            + "fast=10 (integer 1..10000), slow=30 (integer 2..10000)");
  }

  @Test
  void anOutOfRangeValueIsRejectedNamingParameterValueAndRange() {
    assertThatThrownBy(() -> StrategyCatalog.create("rsi-reversion", Map.of("oversold", "-5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("strategy rsi-reversion: oversold must be between 0 and 100 but was -5");
  }

  @Test
  void aValueOfTheWrongTypeIsRejectedNamingParameterValueAndExpectedType() {
    assertThatThrownBy(() -> StrategyCatalog.create("ma-cross", Map.of("fast", "ten")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("strategy ma-cross: fast must be an integer but was 'ten'");
  }

  @Test
  void aFastAverageThatIsNotFasterThanTheSlowOneIsRejected() {
    assertThatThrownBy(() -> StrategyCatalog.create("ma-cross", Map.of("fast", "30", "slow", "10")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("strategy ma-cross: fast must be less than slow but was fast=30, slow=10");
  }

  @Test
  void defaultsTakePartInCrossParameterRules() {
    assertThatThrownBy(() -> StrategyCatalog.create("ma-cross", Map.of("slow", "5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("strategy ma-cross: fast must be less than slow but was fast=10, slow=5");
  }

  @Test
  void aBandWidthThatTheChosenPeriodCanNeverReachIsRejected() {
    assertThatThrownBy(() -> StrategyCatalog.create("bollinger-reversion", Map.of("period", "4")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("strategy bollinger-reversion: k=2.0 can never be reached with period=4");
  }

  @Test
  void givenParametersReplaceDefaultsAndTheRestKeepTheirDefaults() {
    Strategy configured = StrategyCatalog.create("price-sma-cross", Map.of("period", "2"));

    assertThat(directions(configured, 10, 10, 12)).containsExactly(Direction.FLAT, Direction.FLAT, Direction.LONG);
  }
}
