package org.peaktrade.actors.killswitch;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.persistence.cassandra.KeyspaceAndTableStatements;
import org.apache.pekko.persistence.cassandra.PluginSettings;
import org.junit.jupiter.api.Test;
import org.peaktrade.actors.candles.CassandraCandleTables;
import org.peaktrade.actors.cluster.CassandraLease;
import org.peaktrade.actors.fixtures.LocalCassandra;

/**
 * {@code config/persistence-cassandra.conf} and {@code scripts/cassandra/schema.cql} without a database: what the
 * profile selects over the embedded defaults, how its environment variables reach the plugin and the driver, and
 * that the schema script is exactly what the plugin would create for the profile.
 */
class CassandraProfileTest {
  private static final Path ROOT = LocalCassandra.repositoryRoot();

  private static Config profile() {
    return ConfigFactory.parseFile(ROOT.resolve("config/persistence-cassandra.conf").toFile(),
        ConfigParseOptions.defaults().setAllowMissing(false));
  }

  /**
   * The profile over the embedded journal settings, as the node layers a --config file over its defaults; resolved
   * without the process environment, so a PEAKTRADE_CASSANDRA_* variable of the machine cannot change the result.
   */
  private static Config asNodeLoadsIt(Config profile) {
    return profile.withFallback(EmbeddedJournal.config()).withFallback(ConfigFactory.defaultReference())
        .resolve(ConfigResolveOptions.defaults().setUseSystemEnvironment(false));
  }

  @Test
  void theProfileMovesJournalSnapshotsAndTheAuditTrailQueryToCassandra() {
    Config config = asNodeLoadsIt(profile());

    assertThat(config.getString("pekko.persistence.journal.plugin")).isEqualTo("pekko.persistence.cassandra.journal");
    assertThat(config.getString("pekko.persistence.snapshot-store.plugin"))
        .isEqualTo("pekko.persistence.cassandra.snapshot");
    assertThat(PersistenceSettings.fromConfig(config).readJournal()).isEqualTo("pekko.persistence.cassandra.query");
    assertThat(EmbeddedJournal.isConfigured(config)).isFalse();
  }

  @Test
  void withoutEnvironmentTheProfileTargetsALocalNodeAndCreatesNoTables() {
    Config config = asNodeLoadsIt(profile());

    assertThat(config.getStringList("datastax-java-driver.basic.contact-points")).containsExactly("127.0.0.1:9042");
    assertThat(config.getString("datastax-java-driver.basic.load-balancing-policy.local-datacenter"))
        .isEqualTo("datacenter1");
    assertThat(config.getString("pekko.persistence.cassandra.journal.keyspace")).isEqualTo("peaktrade");
    assertThat(config.getString("pekko.persistence.cassandra.snapshot.keyspace")).isEqualTo("peaktrade_snapshot");
    assertThat(config.getBoolean("pekko.persistence.cassandra.journal.tables-autocreate")).isFalse();
    assertThat(config.getBoolean("pekko.persistence.cassandra.snapshot.keyspace-autocreate")).isFalse();
  }

  @Test
  void theEnvironmentVariablesReachTheDriverAndThePlugin() {
    // ${?VAR} looks in the config's root before the process environment, so root keys stand in for variables.
    Config environment = ConfigFactory.parseMap(Map.of(
        "PEAKTRADE_CASSANDRA_CONTACT_POINT", "10.1.2.3:19042",
        "PEAKTRADE_CASSANDRA_DATACENTER", "dc1",
        "PEAKTRADE_CASSANDRA_KEYSPACE", "desk_a",
        "PEAKTRADE_CASSANDRA_AUTOCREATE", "true"));

    Config config = asNodeLoadsIt(profile().withFallback(environment));

    assertThat(config.getStringList("datastax-java-driver.basic.contact-points")).containsExactly("10.1.2.3:19042");
    assertThat(config.getString("datastax-java-driver.basic.load-balancing-policy.local-datacenter"))
        .isEqualTo("dc1");
    assertThat(config.getString("pekko.persistence.cassandra.journal.keyspace")).isEqualTo("desk_a");
    assertThat(config.getString("pekko.persistence.cassandra.snapshot.keyspace")).isEqualTo("desk_a_snapshot");
    assertThat(config.getBoolean("pekko.persistence.cassandra.journal.keyspace-autocreate")).isTrue();
    assertThat(config.getBoolean("pekko.persistence.cassandra.snapshot.tables-autocreate")).isTrue();
  }

  @Test
  void schemaCqlIsExactlyWhatThePluginWouldCreateForTheProfile() throws Exception {
    ActorSystem system = ActorSystem.create("schema", asNodeLoadsIt(profile()));
    try {
      KeyspaceAndTableStatements plugin =
          new KeyspaceAndTableStatements(system, "pekko.persistence.cassandra", PluginSettings.apply(system));
      List<String> expected = new ArrayList<>();
      expected.add(plugin.createJournalKeyspaceStatement());
      expected.addAll(plugin.getCreateJournalTablesStatements());
      expected.add(plugin.createSnapshotKeyspaceStatement());
      expected.addAll(plugin.getCreateSnapshotTablesStatements());
      expected.add(CassandraLease.createTableStatement("peaktrade"));
      expected.addAll(CassandraCandleTables.createTableStatements("peaktrade"));

      List<String> script = statements(Files.readString(ROOT.resolve("scripts/cassandra/schema.cql")));

      assertThat(script).containsExactlyElementsOf(expected.stream().map(CassandraProfileTest::normalized).toList());
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  /** The statements of a CQL file as scripts/cassandra/Cql.java reads them, whitespace-normalised. */
  private static List<String> statements(String cql) {
    StringBuilder code = new StringBuilder();
    cql.lines().filter(line -> !line.strip().startsWith("--")).forEach(line -> code.append(line).append('\n'));
    List<String> statements = new ArrayList<>();
    for (String statement : code.toString().split(";")) {
      if (!statement.isBlank()) {
        statements.add(normalized(statement));
      }
    }
    return statements;
  }

  private static String normalized(String statement) {
    return statement.replaceAll("\\s+", " ").strip();
  }
}
