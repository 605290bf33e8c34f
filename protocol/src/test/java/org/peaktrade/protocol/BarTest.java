package org.peaktrade.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BarTest {
  private static final Instant T0 = Instant.parse("2022-01-01T00:00:00Z");

  private static Bar bar(String o, String h, String l, String c) {
    return new Bar(Symbol.of("BTC/USD"), T0, Duration.ofMinutes(1), Price.of(o), Price.of(h), Price.of(l), Price.of(c),
        Quantity.of("1"));
  }

  @Test
  void closesOneIntervalAfterItOpens() {
    assertThat(bar("10", "12", "9", "11").closeTime()).isEqualTo(T0.plusSeconds(60));
  }

  @Test
  void rejectsHighBelowLow() {
    assertThatThrownBy(() -> bar("10", "9", "11", "10")).hasMessageContaining("high 9 is below low 11");
  }

  @Test
  void rejectsCloseOutsideTheRange() {
    assertThatThrownBy(() -> bar("10", "12", "9", "13")).hasMessageContaining("above high 12");
    assertThatThrownBy(() -> bar("8", "12", "9", "10")).hasMessageContaining("below low 9");
  }
}
