package org.peaktrade.actors.candles;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.LocalDate;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.peaktrade.actors.candles.CandleStoreSettings.Backend;
import org.peaktrade.actors.fixtures.LocalCassandra;

/**
 * The candle store's contract on a real Cassandra whose tables come from {@code scripts/cassandra/schema.cql}, as a
 * node with {@code config/persistence-cassandra.conf} opens it; the other node is a second actor system with its own
 * Cassandra session. Also: the partitions hold one UTC day of 1m candles each.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CassandraCandleStoreIT extends CandleStoreContract {
  @RegisterExtension
  static final LocalCassandra CASSANDRA = LocalCassandra.withSchema();

  private ActorTestKit node;
  private ActorTestKit secondNode;
  private CandleStore store;
  private CandleStore otherNode;

  @BeforeAll
  void start() {
    Config config = CASSANDRA.profile().withFallback(ConfigFactory.load()).resolve();
    CandleStoreSettings settings = CandleStoreSettings.fromConfig(config);
    assertThat(settings.backend()).isEqualTo(Backend.CASSANDRA);
    node = ActorTestKit.create("candles", config);
    secondNode = ActorTestKit.create("candles", config);
    store = CandleStore.create(node.system(), settings);
    otherNode = CandleStore.create(secondNode.system(), settings);
  }

  @AfterAll
  void stop() {
    store.close();
    otherNode.close();
    node.shutdownTestKit();
    secondNode.shutdownTestKit();
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
  void aPartitionHoldsOneUtcDayOfOneMinuteCandles() throws Exception {
    get(store.append(minutes(0, 10)));

    long firstDay = LocalDate.of(2022, 1, 1).toEpochDay();
    try (CqlSession cql = CASSANDRA.connect()) {
      List<Long> buckets = cql.execute("SELECT bucket FROM peaktrade.candle_buckets WHERE symbol = ? AND interval_ms"
          + " = 60000", symbol().value()).all().stream().map(row -> row.getLong("bucket")).toList();
      assertThat(buckets).containsExactly(firstDay + 1, firstDay);
      for (long day : buckets) {
        Row count = cql.execute("SELECT COUNT(*) FROM peaktrade.candles WHERE symbol = ? AND interval_ms = 60000"
            + " AND bucket = ?", symbol().value(), day).one();
        assertThat(count.getLong(0)).as("candles on day %d", day).isEqualTo(5);
      }
    }
  }
}
