package org.peaktrade.actors.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionViewSettingsTest {

  @Test
  void publishesEveryTwoSecondsAndWaitsTwoSecondsByDefault() {
    SessionViewSettings settings = SessionViewSettings.fromConfig(ConfigFactory.load());

    assertThat(settings.publishInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.viewWait()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void refusesAViewWaitThatIsNotPositiveNamingTheKey() {
    assertThatThrownBy(() -> SessionViewSettings.fromConfig(ConfigFactory.parseString(
            SessionViewSettings.PATH + " { publish-interval = 1s, view-wait = 0s }")))
        .isInstanceOf(ConfigException.BadValue.class).hasMessageContaining(SessionViewSettings.PATH + ".view-wait");
  }

  @Test
  void refusesAPublishIntervalThatIsNotPositiveNamingTheKey() {
    assertThatThrownBy(() -> SessionViewSettings.fromConfig(ConfigFactory.parseString(
            SessionViewSettings.PATH + " { publish-interval = -1s, view-wait = 1s }")))
        .isInstanceOf(ConfigException.BadValue.class)
        .hasMessageContaining(SessionViewSettings.PATH + ".publish-interval");
  }
}
