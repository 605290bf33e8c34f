package org.peaktrade.actors.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClusterViewSettingsTest {

  @Test
  void waitsThreeSecondsForTheStatisticsByDefault() {
    assertThat(ClusterViewSettings.fromConfig(ConfigFactory.load()).statsTimeout()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void refusesATimeoutThatIsNotPositiveNamingTheKey() {
    assertThatThrownBy(() -> ClusterViewSettings.fromConfig(ConfigFactory.parseString(
            ClusterViewSettings.STATS_TIMEOUT + " = 0s")))
        .isInstanceOf(ConfigException.BadValue.class).hasMessageContaining(ClusterViewSettings.STATS_TIMEOUT);
  }
}
