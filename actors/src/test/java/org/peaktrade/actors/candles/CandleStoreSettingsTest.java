package org.peaktrade.actors.candles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.junit.jupiter.api.Test;
import org.peaktrade.actors.candles.CandleStoreSettings.Backend;
import org.peaktrade.actors.fixtures.LocalCassandra;
import org.peaktrade.actors.killswitch.EmbeddedJournal;

class CandleStoreSettingsTest {

  /** The node's defaults over {@code top}, resolved without the process environment. */
  private static Config node(Config top) {
    return top.withFallback(ConfigFactory.parseString("peaktrade.data-dir = /var/lib/peaktrade"))
        .withFallback(EmbeddedJournal.config()).withFallback(ConfigFactory.defaultReference())
        .resolve(ConfigResolveOptions.defaults().setUseSystemEnvironment(false));
  }

  private static Config cassandraProfile() {
    return ConfigFactory.parseFile(LocalCassandra.repositoryRoot().resolve("config/persistence-cassandra.conf")
        .toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
  }

  @Test
  void besideTheEmbeddedJournalCandlesLiveInTheirOwnSqliteFileUnderTheDataDir() {
    CandleStoreSettings settings = CandleStoreSettings.fromConfig(node(ConfigFactory.empty()));

    assertThat(settings.backend()).isEqualTo(Backend.SQLITE);
    assertThat(settings.sqlite()).isEqualTo(new CandleStoreSettings.Sqlite(
        Path.of("/var/lib/peaktrade/candles/candles.db"), Duration.ofSeconds(5), "peaktrade.candles.sqlite.dispatcher",
        2));
  }

  @Test
  void besideTheCassandraJournalCandlesLiveInItsKeyspaceAndAreReadAndWrittenLikeItsEvents() {
    CandleStoreSettings settings = CandleStoreSettings.fromConfig(node(cassandraProfile()));

    assertThat(settings.backend()).isEqualTo(Backend.CASSANDRA);
    assertThat(settings.cassandra()).isEqualTo(new CandleStoreSettings.Cassandra("pekko.persistence.cassandra",
        "peaktrade", "pekko-persistence-cassandra-profile", "pekko-persistence-cassandra-profile", false, 100, 4));
  }

  @Test
  void besideAnInMemoryJournalCandlesLiveInMemory() {
    CandleStoreSettings settings = CandleStoreSettings.fromConfig(node(PersistenceTestKitPlugin.config()));

    assertThat(settings.backend()).isEqualTo(Backend.MEMORY);
  }

  @Test
  void aJournalWithoutAStoreBesideItNeedsAnExplicitBackendAndTheMessageSaysSo() {
    Config config = node(ConfigFactory.parseString("pekko.persistence.journal.plugin = my-journal"));

    assertThatThrownBy(() -> CandleStoreSettings.fromConfig(config)).isInstanceOf(ConfigException.BadValue.class)
        .hasMessageContaining("peaktrade.candles.backend").hasMessageContaining("'my-journal'");
  }

  @Test
  void anExplicitBackendWinsOverTheJournals() {
    Config config = node(ConfigFactory.parseString("pekko.persistence.journal.plugin = my-journal\n"
        + "peaktrade.candles.backend = memory"));

    assertThat(CandleStoreSettings.fromConfig(config).backend()).isEqualTo(Backend.MEMORY);
  }

  @Test
  void refusesAnUnknownBackendNamingTheKey() {
    Config config = node(ConfigFactory.parseString("peaktrade.candles.backend = h2"));

    assertThatThrownBy(() -> CandleStoreSettings.fromConfig(config)).isInstanceOf(ConfigException.BadValue.class)
        .hasMessageContaining("peaktrade.candles.backend").hasMessageContaining("'h2'");
  }

  @Test
  void refusesABatchLargerThanAPartitionNamingTheKey() {
    Config config = node(ConfigFactory.parseString("peaktrade.candles.cassandra.batch-size = 1441"));

    assertThatThrownBy(() -> CandleStoreSettings.fromConfig(config)).isInstanceOf(ConfigException.BadValue.class)
        .hasMessageContaining("peaktrade.candles.cassandra.batch-size").hasMessageContaining("1..1440, not 1441");
  }

  @Test
  void refusesANonPositiveBusyTimeoutNamingTheKey() {
    Config config = node(ConfigFactory.parseString("peaktrade.candles.sqlite.busy-timeout = 0s"));

    assertThatThrownBy(() -> CandleStoreSettings.fromConfig(config)).isInstanceOf(ConfigException.BadValue.class)
        .hasMessageContaining("peaktrade.candles.sqlite.busy-timeout");
  }

  @Test
  void refusesADispatcherWithoutAFixedPoolNamingTheKey() {
    Config config = node(ConfigFactory.parseString("peaktrade.candles.sqlite.dispatcher.thread-pool-executor"
        + ".fixed-pool-size = 0"));

    assertThatThrownBy(() -> CandleStoreSettings.fromConfig(config)).isInstanceOf(ConfigException.BadValue.class)
        .hasMessageContaining("peaktrade.candles.sqlite.dispatcher.thread-pool-executor.fixed-pool-size");
  }
}
