package org.peaktrade.actors.killswitch;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.testkit.javadsl.SchemaUtils;

/**
 * Prepares the embedded journal (pekko-persistence-jdbc on an H2 file under {@code peaktrade.data-dir}) before any
 * entity starts: creates the journal, tag and snapshot tables when they are missing. The node calls
 * {@link #createSchemaIfMissing} and waits for it; with another journal plugin configured it does nothing.
 */
public final class EmbeddedJournal {
  public static final String JDBC_JOURNAL = "jdbc-journal";
  /** The application-level settings that select and configure the embedded journal. */
  public static final String CONFIG_RESOURCE = "peaktrade-embedded-journal.conf";
  static final String DATA_DIR = "peaktrade.data-dir";

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

  /**
   * Runs pekko-persistence-jdbc's bundled H2 script ({@code schema/h2/h2-create-schema.sql}) on the shared database
   * through {@link SchemaUtils#createIfNotExists}: tables are created {@code IF NOT EXISTS} and statements failing
   * because an object already exists are skipped, so this is safe on every start.
   */
  public static CompletionStage<Done> createSchemaIfMissing(ActorSystem<?> system) {
    Config config = system.settings().config();
    if (!isConfigured(config)) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    requireExplicitPath(config.getString(DATA_DIR));
    return SchemaUtils.createIfNotExists(system);
  }

  /** H2 refuses paths implicitly relative to the working directory; say which key to fix instead. */
  static void requireExplicitPath(String dataDir) {
    if (!(dataDir.startsWith("/") || dataDir.startsWith("./") || dataDir.startsWith("../")
        || dataDir.startsWith("~") || dataDir.matches("^[A-Za-z]:[\\\\/].*"))) {
      throw new ConfigException.BadValue(DATA_DIR,
          "must be absolute or start with ./ (H2 rejects implicitly relative paths): '" + dataDir + "'");
    }
  }
}
