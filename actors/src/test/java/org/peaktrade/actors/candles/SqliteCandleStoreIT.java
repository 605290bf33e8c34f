package org.peaktrade.actors.candles;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.killswitch.EmbeddedJournal;
import org.peaktrade.engine.candles.AppendResult;

/**
 * The candle store's contract on a real SQLite file beside the embedded journal, as a node configures it; the other
 * node is a second store (its own connection pool) on the same file. Also: the candles outlive the store, and the file
 * keeps them durably and exactly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqliteCandleStoreIT extends CandleStoreContract {
  @TempDir
  static Path dataDir;
  private ActorTestKit testKit;
  private CandleStoreSettings settings;
  private CandleStore store;
  private CandleStore otherNode;

  @BeforeAll
  void start() {
    Config config = ConfigFactory.parseMap(Map.of("peaktrade.data-dir", dataDir.toString()))
        .withFallback(EmbeddedJournal.config()).withFallback(ConfigFactory.load()).resolve();
    testKit = ActorTestKit.create("sqlite-candles", config);
    settings = CandleStoreSettings.fromConfig(config);
    store = CandleStore.create(testKit.system(), settings);
    otherNode = CandleStore.create(testKit.system(), settings);
  }

  @AfterAll
  void stop() {
    store.close();
    otherNode.close();
    testKit.shutdownTestKit();
  }

  @Override
  CandleStore store() {
    return store;
  }

  @Override
  CandleStore otherNode() {
    return otherNode;
  }

  @Test
  void theCandlesOutliveTheStoreThatWroteThem() throws Exception {
    CandleStore first = CandleStore.create(testKit.system(), settings);
    get(first.append(minutes(0, 10)));
    first.close();

    CandleStore reopened = CandleStore.create(testKit.system(), settings);
    try {
      assertThat(get(reopened.range(symbol(), MINUTE, EVENING, at(10)))).isEqualTo(minutes(0, 10));
      assertThat(get(reopened.append(minutes(0, 10)))).isEqualTo(new AppendResult(0, 10, List.of(), List.of()));
    } finally {
      reopened.close();
    }
  }

  @Test
  void keepsTheCandlesInTheirOwnWalFileUnderTheDataDirWithPricesAsExactText() throws Exception {
    get(store.append(minutes(0, 1)));

    Path file = dataDir.resolve("candles").resolve("candles.db");
    assertThat(Files.isRegularFile(file)).isTrue();
    try (Connection connection = DriverManager.getConnection(EmbeddedJournal.urlOf(file));
        Statement statement = connection.createStatement()) {
      assertThat(one(statement, "PRAGMA journal_mode")).isEqualTo("wal");
      assertThat(one(statement, "SELECT typeof(close) || ' ' || close || ' ' || volume FROM candles WHERE symbol = '"
          + symbol() + "'")).isEqualTo("text 46000.25 0.123456789");
    }
  }

  private static String one(Statement statement, String sql) throws Exception {
    try (ResultSet rows = statement.executeQuery(sql)) {
      assertThat(rows.next()).as(sql).isTrue();
      return rows.getString(1);
    }
  }
}
