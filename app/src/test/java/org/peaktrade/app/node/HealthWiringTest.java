package org.peaktrade.app.node;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The health settings are checked before the node starts, and a bad one is named. */
class HealthWiringTest {

  @Test
  void theNodeDefaultsAreValid() {
    assertThatCode(() -> HealthWiring.fromConfig(defaults())).doesNotThrowAnyException();
  }

  @Test
  void aCheckTimeoutNotShorterThanPekkoManagementsIsRefusedNamingBothKeys() {
    Config config = ConfigFactory.parseString("peaktrade.health.check-timeout = 3s").withFallback(defaults());

    assertThatThrownBy(() -> HealthWiring.fromConfig(config)).isInstanceOf(NodeConfigException.class)
        .hasMessageContaining("peaktrade.health.check-timeout")
        .hasMessageContaining("pekko.management.health-checks.check-timeout");
  }

  @Test
  void aManagementPortOutOfRangeIsRefusedNamingTheKey() {
    Config config = ConfigFactory.parseString("pekko.management.http.port = 70000").withFallback(defaults());

    assertThatThrownBy(() -> HealthWiring.fromConfig(config)).isInstanceOf(NodeConfigException.class)
        .hasMessageContaining("pekko.management.http.port").hasMessageContaining("70000");
  }

  static Config defaults() {
    return NodeConfig.load(List.of(), Optional.empty(), Optional.empty(), Optional.empty());
  }
}
