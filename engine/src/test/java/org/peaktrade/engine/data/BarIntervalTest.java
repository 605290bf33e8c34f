package org.peaktrade.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BarIntervalTest {

  @Test
  void parsesEveryStandardForm() {
    assertThat(BarInterval.parse("1m")).isEqualTo(Duration.ofMinutes(1));
    assertThat(BarInterval.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(BarInterval.parse("15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(BarInterval.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(BarInterval.parse("4h")).isEqualTo(Duration.ofHours(4));
    assertThat(BarInterval.parse("1d")).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void rejectsUnknownFormListingTheValidOnes() {
    assertThatThrownBy(() -> BarInterval.parse("2m"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown bar interval '2m'; valid forms are 1m, 5m, 15m, 1h, 4h, 1d");
  }

  @Test
  void formatsStandardIntervalsShortAndOthersAsIso() {
    assertThat(BarInterval.format(Duration.ofHours(4))).isEqualTo("4h");
    assertThat(BarInterval.format(Duration.ofMinutes(7))).isEqualTo("PT7M");
  }
}
