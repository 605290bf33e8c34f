package org.peaktrade.actors.killswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.HASH;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.T0;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.jdbc.testkit.javadsl.SchemaUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.AdvanceableClock;
import org.peaktrade.actors.killswitch.KillSwitchService.RecordedEvent;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchState;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.TriggerKind;

/**
 * A data dir written by the previous version (pekko-persistence-jdbc on an H2 file, written here by the real plugin
 * with Slick's H2 profile) starts on the SQLite journal with every event, snapshot, sequence number and ordering it
 * had; the old file is kept under a new name; an unreadable old file stops the start naming it.
 */
class H2JournalMigrationTest {
  @TempDir
  Path dataDir;

  private final AdvanceableClock clock = new AdvanceableClock(T0);

  @Test
  void aKilledSwitchOfAnOldH2JournalIsStillKilledWithItsWholeAuditTrailOnSqlite() throws Exception {
    KillSwitchScope scope = KillSwitchScope.session("paper-9");
    List<RecordedEvent> before = onNode(h2Config(), runtime -> {
      for (int i = 0; i < 5; i++) {
        await(runtime.trigger(scope, TriggerKind.MANUAL, "alice", "drill " + i, Map.of()));
      }
      await(runtime.trigger(KillSwitchScope.GLOBAL, TriggerKind.MANUAL, "alice", "global", Map.of()));
      return await(runtime.events(scope, 0, 100));
    });
    List<Long> oldOrderings = h2Orderings();

    KillSwitchStatus status = onNode(sqliteConfig(), runtime -> await(runtime.status(scope)));
    List<RecordedEvent> after = onNode(sqliteConfig(), runtime -> await(runtime.events(scope, 0, 100)));
    KillSwitchReply next = onNode(sqliteConfig(), runtime ->
        await(runtime.trigger(scope, TriggerKind.MANUAL, "bob", "after the migration", Map.of())));

    assertThat(status.state()).isEqualTo(KillSwitchState.KILLED);
    assertThat(status.reason()).isEqualTo("drill 0");
    assertThat(after).isEqualTo(before).hasSize(5);
    assertThat(sqlite("SELECT ordering FROM event_journal WHERE persistence_id NOT LIKE 'journal-health-probe%'"
        + " AND ordering <= " + oldOrderings.get(oldOrderings.size() - 1) + " ORDER BY ordering"))
        .containsExactlyElementsOf(oldOrderings);
    assertThat(sqlite("SELECT sequence_number FROM snapshot WHERE persistence_id = 'kill-switch|session:paper-9'"
        + " ORDER BY sequence_number")).as("the migrated snapshot and the one after the migration")
        .containsExactly(3L, 6L);
    assertThat(next.status().revision()).isEqualTo(6);
    assertThat(sqlite("SELECT ordering FROM event_journal WHERE sequence_number = 6"
        + " AND persistence_id = 'kill-switch|session:paper-9'").get(0))
        .isGreaterThan(oldOrderings.get(oldOrderings.size() - 1));
    assertThat(dataDir.resolve("journal/peaktrade.mv.db")).doesNotExist();
    assertThat(dataDir.resolve("journal/peaktrade.mv.db.migrated-to-sqlite")).exists();
  }

  @Test
  void anUnreadableOldJournalStopsTheStartNamingTheFile() throws Exception {
    Files.createDirectories(dataDir.resolve("journal"));
    Files.write(dataDir.resolve("journal/peaktrade.mv.db"), new byte[] {1, 2, 3, 4});

    assertThatThrownBy(() -> EmbeddedJournal.prepare(sqliteConfig()))
        .hasMessageContaining("cannot migrate the old H2 journal " + dataDir.resolve("journal/peaktrade.mv.db")
            .toAbsolutePath())
        .hasMessageContaining("does not start on an empty journal");
    assertThat(dataDir.resolve("journal/peaktrade.mv.db")).exists();
  }

  private Config sqliteConfig() {
    return ConfigFactory.load(ConfigFactory.empty()
        .withValue("peaktrade.data-dir", ConfigValueFactory.fromAnyRef(dataDir.toAbsolutePath().toString()))
        .withValue("peaktrade.kill-switch.approval-code-hash", ConfigValueFactory.fromAnyRef(HASH))
        .withValue("peaktrade.kill-switch.snapshot-every", ConfigValueFactory.fromAnyRef(3))
        .withFallback(EmbeddedJournal.config()));
  }

  /** The previous version's embedded journal: the same plugin on an H2 file under the data dir. */
  private Config h2Config() {
    String db = "pekko-persistence-jdbc.shared-databases.slick.";
    return ConfigFactory.load(ConfigFactory.empty()
        .withValue(db + "profile", ConfigValueFactory.fromAnyRef("slick.jdbc.H2Profile$"))
        .withValue(db + "db.driver", ConfigValueFactory.fromAnyRef("org.h2.Driver"))
        .withValue(db + "db.url", ConfigValueFactory.fromAnyRef("jdbc:h2:file:" + dataDir.toAbsolutePath()
            + "/journal/peaktrade;DB_CLOSE_DELAY=-1;WRITE_DELAY=0"))
        .withValue(db + "db.user", ConfigValueFactory.fromAnyRef("sa"))
        .withValue(db + "db.password", ConfigValueFactory.fromAnyRef(""))
        .withFallback(sqliteConfig().withoutPath(db + "db.properties")));
  }

  private <T> T onNode(Config config, Function<KillSwitchRuntime, T> body) throws Exception {
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "peaktrade", config);
    try {
      if (config.getString(EmbeddedJournal.URL).startsWith("jdbc:h2:")) {
        await(SchemaUtils.createIfNotExists(system));
      } else {
        await(EmbeddedJournal.createSchemaIfMissing(system));
      }
      KillSwitchRuntime runtime = KillSwitchRuntime.start(system, KillSwitchSettings.fromConfig(config), clock, clock,
          List.of());
      return body.apply(runtime);
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  /** The orderings of the H2 journal's kill-switch events (the database stays open in this JVM until shut down). */
  private List<Long> h2Orderings() throws Exception {
    List<Long> orderings = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath()
        + "/journal/peaktrade", "sa", "");
        Statement statement = connection.createStatement()) {
      try (ResultSet result = statement.executeQuery(
          "SELECT \"ordering\" FROM \"event_journal\" ORDER BY \"ordering\"")) {
        while (result.next()) {
          orderings.add(result.getLong(1));
        }
      }
      statement.execute("SHUTDOWN");
    }
    return orderings;
  }

  private List<Long> sqlite(String sql) throws Exception {
    List<Long> values = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(EmbeddedJournal.urlOf(
        dataDir.resolve("journal/peaktrade.db")));
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        values.add(result.getLong(1));
      }
    }
    return values;
  }

  private static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
