package org.peaktrade.actors.killswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GateSettingsTest {

  @Test
  void defaultsAreFiveSecondsStaleAndOneSecondRefresh() {
    assertThat(GateSettings.fromConfig(ConfigFactory.load()))
        .isEqualTo(new GateSettings(Duration.ofSeconds(5), Duration.ofSeconds(1)));
  }

  @Test
  void aRefreshIntervalNotShorterThanStaleAfterFailsNamingBothKeys() {
    assertThatThrownBy(() -> GateSettings.fromConfig(ConfigFactory.parseString(
            "peaktrade.kill-switch.gate { stale-after = 2s, refresh-interval = 2s }")))
        .hasMessageContaining("peaktrade.kill-switch.gate.refresh-interval")
        .hasMessageContaining("peaktrade.kill-switch.gate.stale-after");
  }

  @Test
  void aSessionIsReconfirmedOnceItsViewIsStaleAfterLessTwoRefreshesOld() {
    assertThat(new GateSettings(Duration.ofSeconds(5), Duration.ofSeconds(1)).confirmAfter())
        .isEqualTo(Duration.ofSeconds(3));
    assertThat(new GateSettings(Duration.ofSeconds(30), Duration.ofSeconds(10)).confirmAfter())
        .isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void withLessThanTwoRefreshesBeforeStaleEverySessionIsAskedEveryRefresh() {
    assertThat(new GateSettings(Duration.ofMillis(1_500), Duration.ofSeconds(1)).confirmAfter())
        .isEqualTo(Duration.ZERO);
  }
}
