package org.peaktrade.actors.candles;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the {@link CandleStore}, from {@code peaktrade.candles} (defaults and comments in this module's
 * reference.conf) and, for Cassandra, from the journal plugin's own settings ({@code pekko.persistence.cassandra}),
 * so the candles live in the journal's keyspace and are written and read like its events. Invalid values fail at
 * startup with the key path in the message.
 */
public record CandleStoreSettings(Backend backend, Sqlite sqlite, Cassandra cassandra) {
  public static final String PATH = "peaktrade.candles";
  public static final String BACKEND = PATH + ".backend";
  static final String JOURNAL_PLUGIN = "pekko.persistence.journal.plugin";
  static final String CASSANDRA_PLUGIN = "pekko.persistence.cassandra";
  private static final Map<String, Backend> BESIDE_JOURNAL = Map.of(
      "jdbc-journal", Backend.SQLITE,
      CASSANDRA_PLUGIN + ".journal", Backend.CASSANDRA,
      "pekko.persistence.testkit.journal", Backend.MEMORY,
      "pekko.persistence.journal.inmem", Backend.MEMORY);

  /** Where candles are kept. */
  public enum Backend {
    SQLITE,
    CASSANDRA,
    MEMORY
  }

  /**
   * @param file the database file (resolved against {@code peaktrade.data-dir})
   * @param busyTimeout how long a write waits for another connection's write lock
   * @param dispatcher the config path of the dispatcher that runs the blocking JDBC calls
   * @param connections the pool size: the dispatcher's threads
   */
  public record Sqlite(Path file, Duration busyTimeout, String dispatcher, int connections) {
    public Sqlite {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(dispatcher, "dispatcher");
      if (busyTimeout.isNegative() || busyTimeout.isZero()) {
        throw new ConfigException.BadValue(PATH + ".sqlite.busy-timeout", "must be positive, not " + busyTimeout);
      }
      if (connections < 1) {
        throw new ConfigException.BadValue(dispatcher + ".thread-pool-executor.fixed-pool-size",
            "must be at least 1, not " + connections);
      }
    }
  }

  /**
   * @param sessionConfig the config path of the Cassandra session: the journal plugin's
   * @param keyspace the journal's keyspace
   * @param readProfile the driver profile of reads (the journal's: its consistency)
   * @param writeProfile the driver profile of writes (the journal's)
   * @param autocreate create the keyspace and tables on first use, like the journal ({@code tables-autocreate})
   * @param batchSize candles per conditional batch
   * @param parallelism partitions written or read at once
   */
  public record Cassandra(String sessionConfig, String keyspace, String readProfile, String writeProfile,
      boolean autocreate, int batchSize, int parallelism) {
    /** A batch never spans partitions: at most a partition's candles. */
    public static final int MAX_BATCH_SIZE = CassandraCandleTables.CANDLES_PER_BUCKET;

    public Cassandra {
      Objects.requireNonNull(sessionConfig, "session config");
      Objects.requireNonNull(keyspace, "keyspace");
      Objects.requireNonNull(readProfile, "read profile");
      Objects.requireNonNull(writeProfile, "write profile");
      if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
        throw new ConfigException.BadValue(PATH + ".cassandra.batch-size",
            "must be 1.." + MAX_BATCH_SIZE + ", not " + batchSize);
      }
      if (parallelism < 1) {
        throw new ConfigException.BadValue(PATH + ".cassandra.parallelism", "must be at least 1, not " + parallelism);
      }
    }

    static Cassandra fromConfig(Config root) {
      Config own = root.getConfig(PATH + ".cassandra");
      Config plugin = root.getConfig(CASSANDRA_PLUGIN);
      return new Cassandra(CASSANDRA_PLUGIN, plugin.getString("journal.keyspace"), plugin.getString("read-profile"),
          plugin.getString("write-profile"), plugin.getBoolean("journal.tables-autocreate"),
          own.getInt("batch-size"), own.getInt("parallelism"));
    }
  }

  public CandleStoreSettings {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(sqlite, "sqlite");
    Objects.requireNonNull(cassandra, "cassandra");
  }

  /** The settings under {@code root}, every backend's, so a bad value fails whichever backend is chosen. */
  public static CandleStoreSettings fromConfig(Config root) {
    Backend backend = backend(root);
    Config sqlite = root.getConfig(PATH + ".sqlite");
    String dispatcher = PATH + ".sqlite.dispatcher";
    Path file = Path.of(root.getString("peaktrade.data-dir")).resolve(sqlite.getString("file"));
    Sqlite sqliteSettings = new Sqlite(file, sqlite.getDuration("busy-timeout"), dispatcher,
        root.getInt(dispatcher + ".thread-pool-executor.fixed-pool-size"));
    return new CandleStoreSettings(backend, sqliteSettings, Cassandra.fromConfig(root));
  }

  private static Backend backend(Config root) {
    String name = root.getString(BACKEND);
    if (name.equals("auto")) {
      String journal = root.getString(JOURNAL_PLUGIN);
      Backend beside = BESIDE_JOURNAL.get(journal);
      if (beside == null) {
        throw new ConfigException.BadValue(BACKEND, "auto knows no candle store beside the journal '" + journal
            + "' (" + JOURNAL_PLUGIN + "); set sqlite, cassandra or memory");
      }
      return beside;
    }
    return switch (name) {
      case "sqlite" -> Backend.SQLITE;
      case "cassandra" -> Backend.CASSANDRA;
      case "memory" -> Backend.MEMORY;
      default -> throw new ConfigException.BadValue(BACKEND, "must be auto, sqlite, cassandra or memory, not '" + name
          + "'");
    };
  }
}
