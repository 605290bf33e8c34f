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
}
