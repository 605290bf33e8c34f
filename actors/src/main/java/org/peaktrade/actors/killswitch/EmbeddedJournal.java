package org.peaktrade.actors.killswitch;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Prepares the embedded journal (pekko-persistence-jdbc with Slick's SQLite profile on one SQLite file under
 * {@code peaktrade.data-dir}, settings in {@value #CONFIG_RESOURCE}) before any entity starts: creates the journal,
 * tag and snapshot tables when they are missing, and moves the events and snapshots of an H2 journal left by an
 * older version into it ({@link H2JournalMigration}). The node calls {@link #createSchemaIfMissing} and waits for it;
 * with another journal plugin configured it does nothing.
 *
 * <p>Why SQLite: with {@code journal_mode=WAL} and {@code synchronous=FULL} a commit returns only after the
 * write-ahead log is fsynced, so an event whose persist completed survives kill -9 and power loss; on a full disk the
 * commit fails and is rolled back, and the next write succeeds once there is space again.
 */
public final class EmbeddedJournal {
  public static final String JDBC_JOURNAL = "jdbc-journal";
  /** The application-level settings that select and configure the embedded journal. */
  public static final String CONFIG_RESOURCE = "peaktrade-embedded-journal.conf";
  /** The JDBC URL of the database journal, snapshots and queries share. */
  public static final String URL = "pekko-persistence-jdbc.shared-databases.slick.db.url";
  static final String PROPERTIES = "pekko-persistence-jdbc.shared-databases.slick.db.properties";
  static final String DATA_DIR = "peaktrade.data-dir";
  static final String SCHEMA = "schema/peaktrade-sqlite-create-schema.sql";
  private static final String SQLITE_PREFIX = "jdbc:sqlite:";

  private EmbeddedJournal() {}

  /**
   * The embedded-journal settings, to put under an application's own configuration (they must not live in a
   * reference.conf: other libraries' reference files set the same keys).
   */
  public static Config config() {
    return ConfigFactory.parseResources(EmbeddedJournal.class.getClassLoader(), CONFIG_RESOURCE);
  }

  public static boolean isConfigured(Config config) {
    return JDBC_JOURNAL.equals(config.getString("pekko.persistence.journal.plugin"));
  }

  /** The JDBC URL of a SQLite database in {@code file}, e.g. for journals that several in-JVM nodes share. */
  public static String urlOf(Path file) {
    return SQLITE_PREFIX + file.toAbsolutePath();
  }

  /** True when the configured SQLite file lies inside {@code peaktrade.data-dir}: this node's own journal. */
  public static boolean isUnderDataDir(Config config) {
    String url = config.getString(URL);
    return url.startsWith(SQLITE_PREFIX) && Path.of(url.substring(SQLITE_PREFIX.length())).toAbsolutePath().normalize()
        .startsWith(Path.of(config.getString(DATA_DIR)).toAbsolutePath().normalize());
  }

  /**
   * Creates the tables of {@value #SCHEMA} (every statement is {@code IF NOT EXISTS}, so this is safe on every start)
   * and then migrates an old H2 journal under {@code <data-dir>/journal} if there is one. Fails, naming the file, when
   * the database cannot be opened or the old journal cannot be migrated: a node must not start on an empty journal
   * while its old one (perhaps holding a KILLED switch) sits next to it.
   */
  public static CompletionStage<Done> createSchemaIfMissing(ActorSystem<?> system) {
    Config config = system.settings().config();
    if (!isConfigured(config)) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    try {
      prepare(config).ifPresent(migrated -> system.log().info("{}", migrated));
      return CompletableFuture.completedFuture(Done.getInstance());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Creates the schema and migrates; the migration's summary when there was an old journal. */
  static Optional<H2JournalMigration.Migrated> prepare(Config config) {
    String url = config.getString(URL);
    if (!url.startsWith(SQLITE_PREFIX)) {
      throw new IllegalStateException(URL + " must be a SQLite URL (" + SQLITE_PREFIX + "<file>), not '" + url + "'");
    }
    Path file = Path.of(url.substring(SQLITE_PREFIX.length()));
    try {
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the journal directory of " + file, e);
    }
    try (Connection connection = DriverManager.getConnection(url, properties(config))) {
      try (Statement statement = connection.createStatement()) {
        for (String sql : statements(SCHEMA)) {
          statement.execute(sql);
        }
      }
      Path journalDir = Path.of(config.getString(DATA_DIR)).toAbsolutePath().resolve("journal");
      return H2JournalMigration.migrateIfPresent(journalDir, connection, file.toAbsolutePath());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open the journal " + file + ": " + e.getMessage(), e);
    }
  }

  /** The connection properties (SQLite pragmas) the plugin's pool uses too. */
  static Properties properties(Config config) {
    Properties properties = new Properties();
    if (config.hasPath(PROPERTIES)) {
      for (Map.Entry<String, ConfigValue> entry : config.getConfig(PROPERTIES).entrySet()) {
        properties.setProperty(entry.getKey(), String.valueOf(entry.getValue().unwrapped()));
      }
    }
    return properties;
  }

  /** The statements of a script resource, split at semicolons; lines starting with {@code --} are comments. */
  static String[] statements(String resource) {
    try (InputStream in = EmbeddedJournal.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.strip().startsWith("--"))
          .reduce("", (a, b) -> a + "\n" + b);
      return Arrays.stream(script.split(";")).map(String::strip).filter(s -> !s.isEmpty())
          .toArray(String[]::new);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
