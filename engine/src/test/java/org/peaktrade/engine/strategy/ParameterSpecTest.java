package org.peaktrade.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterSpecTest {
  private static final ParameterSpec FAST = ParameterSpec.period("fast", 10, 1, "fast period");
  private static final ParameterSpec K = ParameterSpec.decimal("k", "2", "0.1", "10", "band width");
  private static final ParameterSpec SHORTS = ParameterSpec.flag("shorts", false, "allow shorts");

  @Test
  void parsesEachTypeFromCommandLineText() {
    assertThat(FAST.parse("25")).isEqualTo(25);
    assertThat(K.parse("0.25")).isEqualTo(0.25);
    assertThat(SHORTS.parse("TRUE")).isEqualTo(true);
  }

  @Test
  void anIntegerParameterRejectsAFraction() {
    assertThatThrownBy(() -> FAST.parse("1.5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fast must be an integer but was '1.5'");
  }

  @Test
  void aDecimalParameterRejectsNotANumber() {
    assertThatThrownBy(() -> K.parse("NaN"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("k must be a decimal number but was 'NaN'");
  }

  @Test
  void aBooleanParameterAcceptsOnlyTrueOrFalse() {
    assertThatThrownBy(() -> SHORTS.parse("yes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("shorts must be true or false but was 'yes'");
  }

  @Test
  void rangesIncludeBothBounds() {
    assertThat(K.parse("0.1")).isEqualTo(0.1);
    assertThat(K.parse("10")).isEqualTo(10.0);
    assertThatThrownBy(() -> K.parse("10.01"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("k must be between 0.1 and 10 but was 10.01");
  }

  @Test
  void aSpecWhoseDefaultIsOutOfItsOwnRangeCannotBeDeclared() {
    assertThatThrownBy(() -> ParameterSpec.integer("period", 0, 1, 100, "period"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("period must be between 1 and 100 but was 0");
  }

  @Test
  void usageShowsTheDefaultAndTheConstraint() {
    assertThat(List.of(FAST.usage(), K.usage(), SHORTS.usage()))
        .containsExactly("fast=10 (integer 1..10000)", "k=2 (decimal 0.1..10)", "shorts=false (true|false)");
  }

  @Test
  void parametersNotGivenTakeTheirDefaults() {
    ParameterValues values = ParameterValues.resolve(List.of(FAST, K, SHORTS), Map.of("k", "1.5"));

    assertThat(values.integer("fast")).isEqualTo(10);
    assertThat(values.decimal("k")).isEqualTo(1.5);
    assertThat(values.flag("shorts")).isFalse();
  }
}
