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
  void anIdleSessionIsConfirmedEveryStaleAfterLessTwoRefreshes() {
    assertThat(new GateSettings(Duration.ofSeconds(5), Duration.ofSeconds(1)).confirmAfter())
        .isEqualTo(Duration.ofSeconds(3));
    assertThat(new GateSettings(Duration.ofSeconds(30), Duration.ofSeconds(10)).confirmAfter())
        .isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void aSessionIsDueAtTheRefreshNearestToItsConfirmAfter() {
    assertThat(new GateSettings(Duration.ofSeconds(5), Duration.ofSeconds(1)).sessionDueAge())
        .isEqualTo(Duration.ofMillis(2_500));
    assertThat(new GateSettings(Duration.ofSeconds(30), Duration.ofSeconds(10)).sessionDueAge())
        .isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void withLessThanTwoAndAHalfRefreshesBeforeStaleEverySessionIsAskedEveryRefresh() {
    GateSettings tight = new GateSettings(Duration.ofMillis(1_500), Duration.ofSeconds(1));
    assertThat(tight.confirmAfter()).isEqualTo(Duration.ZERO);
    assertThat(tight.sessionDueAge()).isEqualTo(Duration.ZERO);
    assertThat(new GateSettings(Duration.ofMillis(2_400), Duration.ofSeconds(1)).sessionDueAge())
        .isEqualTo(Duration.ZERO);
  }

  @Test
  void aViewIsOverdueOneRefreshAfterItWasDueAndNeverSoonerThanOneAndAHalfRefreshes() {
    GateSettings defaults = new GateSettings(Duration.ofSeconds(5), Duration.ofSeconds(1));
    assertThat(defaults.overdueAge(defaults.sessionDueAge())).isEqualTo(Duration.ofMillis(3_500));
    assertThat(defaults.overdueAge(Duration.ZERO)).isEqualTo(Duration.ofMillis(1_500));
  }
}
