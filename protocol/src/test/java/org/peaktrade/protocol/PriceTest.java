package org.peaktrade.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceTest {

  @Test
  void equalNumbersWrittenDifferentlyAreEqualPrices() {
    assertThat(Price.of("46319.0")).isEqualTo(Price.of("46319"));
    assertThat(Price.of("100")).isEqualTo(new Price(new BigDecimal("1E+2")));
    assertThat(Price.of("100").value().scale()).isZero();
  }

  @Test
  void rejectsNaNWithTheOffendingText() {
    assertThatThrownBy(() -> Price.of("NaN")).hasMessageContaining("'NaN'");
  }

  @Test
  void rejectsInfinity() {
    assertThatThrownBy(() -> Price.of("Infinity")).hasMessageContaining("'Infinity'");
  }

  @Test
  void rejectsZeroAndNegativePrices() {
    assertThatThrownBy(() -> Price.of("0")).hasMessageContaining("positive");
    assertThatThrownBy(() -> Price.of("-1.5")).hasMessageContaining("-1.5");
  }

  @Test
  void rejectsMissingText() {
    assertThatThrownBy(() -> Price.of(" ")).hasMessage("price is missing");
  }

  @Test
  void comparesByValue() {
    assertThat(Price.of("10.5").isAbove(Price.of("10.49"))).isTrue();
    assertThat(Price.of("10.5").isBelow(Price.of("10.50"))).isFalse();
  }
}
