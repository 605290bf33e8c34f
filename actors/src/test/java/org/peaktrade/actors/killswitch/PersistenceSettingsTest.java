package org.peaktrade.actors.killswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

class PersistenceSettingsTest {

  private static Config with(String hocon) {
    return ConfigFactory.parseString(hocon).withFallback(ConfigFactory.defaultReference()).resolve();
  }

  @Test
  void theAuditTrailIsReadThroughTheEmbeddedJournalsQueryPluginByDefault() {
    assertThat(PersistenceSettings.fromConfig(ConfigFactory.defaultReference()).readJournal())
        .isEqualTo("jdbc-read-journal");
  }

  @Test
  void aReadJournalWithoutAConfiguredPluginFailsNamingTheKey() {
    assertThatThrownBy(() -> PersistenceSettings.fromConfig(with("peaktrade.persistence.read-journal = jdbc-read")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("peaktrade.persistence.read-journal")
        .hasMessageContaining("'jdbc-read'");
  }
}
