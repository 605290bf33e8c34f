package org.peaktrade.bench;

import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.peaktrade.actors.candles.CandleStoreSettings;
import org.peaktrade.actors.candles.CassandraCandleTables;
import org.peaktrade.protocol.Bar;

/**
 * {@link CandleStoreBench}'s {@code cassandra-plain}: the month written into the store's {@code candles} table the way
 * the store partitions and batches it, but with plain batches — what the store's checks and conditional writes are
 * measured against. Writes only; the rows it leaves are ordinary candles of symbols of their own.
 */
final class PlainCandleWrites {
  private PlainCandleWrites() {}

  static void run(Config config, List<Bar> month, int rounds) throws Exception {
    CandleStoreSettings.Cassandra settings = CandleStoreSettings.fromConfig(config).cassandra();
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "candle-bench", config);
    try {
      CassandraSession session = CassandraSessionRegistry.get(system).sessionFor(settings.sessionConfig());
      PreparedStatement insert = session.prepare("INSERT INTO " + settings.keyspace() + ".candles (symbol, interval_ms,"
          + " bucket, open_time, open, high, low, close, volume) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .toCompletableFuture().get(1, TimeUnit.MINUTES);
      System.out.printf("plain batches, %,d candles; batch-size %d, parallelism %d%n", month.size(),
          settings.batchSize(), settings.parallelism());
      System.out.println("| round | write ms | candles/s |");
      System.out.println("|---|---|---|");
      for (int round = 1; round <= rounds; round++) {
        String symbol = "P" + Long.toString(System.currentTimeMillis(), 36).toUpperCase() + round + "/USD";
        Map<Long, List<Bar>> partitions = new LinkedHashMap<>();
        for (Bar bar : month) {
          long bucket = Math.floorDiv(bar.openTime().toEpochMilli(), bar.interval().toMillis()
              * CassandraCandleTables.CANDLES_PER_BUCKET);
          partitions.computeIfAbsent(bucket, b -> new ArrayList<>()).add(bar);
        }
        long started = System.nanoTime();
        Source.from(partitions.entrySet())
            .mapAsync(settings.parallelism(), partition -> write(session, insert, settings, symbol,
                partition.getKey(), partition.getValue()))
            .runWith(Sink.ignore(), system).toCompletableFuture().get(10, TimeUnit.MINUTES);
        double millis = (System.nanoTime() - started) / 1e6;
        System.out.printf("| %d | %,.0f | %,.0f |%n", round, millis, month.size() / millis * 1000);
      }
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(1, TimeUnit.MINUTES);
    }
  }

  private static CompletionStage<Done> write(CassandraSession session, PreparedStatement insert,
      CandleStoreSettings.Cassandra settings, String symbol, long bucket, List<Bar> bars) {
    CompletionStage<Done> written = CompletableFuture.completedFuture(Done.getInstance());
    for (int from = 0; from < bars.size(); from += settings.batchSize()) {
      List<BatchableStatement<?>> rows = bars.subList(from, Math.min(bars.size(), from + settings.batchSize()))
          .stream().<BatchableStatement<?>>map(bar -> insert.bind(symbol, bar.interval().toMillis(), bucket,
              bar.openTime(), bar.open().value(), bar.high().value(), bar.low().value(), bar.close().value(),
              bar.volume().value())).toList();
      BatchStatement batch = BatchStatement.newInstance(DefaultBatchType.UNLOGGED, rows)
          .setExecutionProfileName(settings.writeProfile());
      written = written.thenCompose(done -> session.executeWrite(batch));
    }
    return written;
  }
}
