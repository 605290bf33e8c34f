package org.peaktrade.actors.candles;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;
import org.peaktrade.engine.candles.CandleSeries;
import org.peaktrade.protocol.Bar;

/**
 * The candle tables in the journal's keyspace (also in scripts/cassandra/schema.cql) and their statements.
 * {@code candles} is partitioned by series and bucket: a bucket spans {@value #CANDLES_PER_BUCKET} intervals, so a
 * partition holds at most that many candles — one UTC day of 1m candles, five days of 5m, sixty of 1h. Within a
 * partition candles are ordered by open time. {@code candle_buckets} lists each series' buckets, newest first, so
 * that the newest candles and a range are found without probing empty partitions. Prices and volume are
 * {@code decimal}: exact, scale kept.
 */
public final class CassandraCandleTables {
  /** A partition's span: this many intervals of its series. */
  public static final int CANDLES_PER_BUCKET = 1440;
  private static final String COLUMNS = "open_time, open, high, low, close, volume";
  private static final String PARTITION = " WHERE symbol = ? AND interval_ms = ? AND bucket = ?";

  /** The statements, {@code %1$s} standing for the keyspace. */
  private enum Cql {
    INSERT("INSERT INTO %1$s.candles (symbol, interval_ms, bucket, " + COLUMNS
        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) IF NOT EXISTS"),
    INSERT_BUCKET("INSERT INTO %1$s.candle_buckets (symbol, interval_ms, bucket) VALUES (?, ?, ?)"),
    SELECT_BETWEEN("SELECT " + COLUMNS + " FROM %1$s.candles" + PARTITION
        + " AND open_time >= ? AND open_time < ?"),
    SELECT_NEWEST("SELECT " + COLUMNS + " FROM %1$s.candles" + PARTITION
        + " ORDER BY open_time DESC LIMIT ?"),
    SELECT_BUCKETS("SELECT bucket FROM %1$s.candle_buckets WHERE symbol = ? AND interval_ms = ?"),
    SELECT_BUCKETS_BETWEEN("SELECT bucket FROM %1$s.candle_buckets WHERE symbol = ? AND interval_ms = ?"
        + " AND bucket >= ? AND bucket <= ? ORDER BY bucket ASC");

    private final String template;

    Cql(String template) {
      this.template = template;
    }
  }

  private final Map<Cql, PreparedStatement> prepared;
  private final String readProfile;
  private final String writeProfile;

  private CassandraCandleTables(Map<Cql, PreparedStatement> prepared, String readProfile, String writeProfile) {
    this.prepared = prepared;
    this.readProfile = readProfile;
    this.writeProfile = writeProfile;
  }

  /** The CQL that creates the tables in {@code keyspace}, as in scripts/cassandra/schema.cql. */
  public static List<String> createTableStatements(String keyspace) {
    return List.of("CREATE TABLE IF NOT EXISTS " + keyspace + ".candles (\n"
            + "  symbol text,\n  interval_ms bigint,\n  bucket bigint,\n  open_time timestamp,\n  open decimal,\n"
            + "  high decimal,\n  low decimal,\n  close decimal,\n  volume decimal,\n"
            + "  PRIMARY KEY ((symbol, interval_ms, bucket), open_time))",
        "CREATE TABLE IF NOT EXISTS " + keyspace + ".candle_buckets (\n"
            + "  symbol text,\n  interval_ms bigint,\n  bucket bigint,\n"
            + "  PRIMARY KEY ((symbol, interval_ms), bucket))\n  WITH CLUSTERING ORDER BY (bucket DESC)");
  }

  /** Prepares the statements; with {@code autocreate} creates keyspace and tables first (local Cassandra only). */
  static CompletionStage<CassandraCandleTables> prepare(CassandraSession session,
      CandleStoreSettings.Cassandra settings) {
    String ks = settings.keyspace();
    CompletionStage<?> ready = CompletableFuture.completedFuture(null);
    if (settings.autocreate()) {
      ready = session.executeDDL("CREATE KEYSPACE IF NOT EXISTS " + ks
          + " WITH REPLICATION = { 'class' : 'SimpleStrategy', 'replication_factor' : 1 }");
      for (String table : createTableStatements(ks)) {
        ready = ready.thenCompose(done -> session.executeDDL(table));
      }
    }
    Map<Cql, CompletableFuture<PreparedStatement>> preparing = new EnumMap<>(Cql.class);
    for (Cql cql : Cql.values()) {
      preparing.put(cql, ready.thenCompose(done -> session.prepare(String.format(cql.template, ks)))
          .toCompletableFuture());
    }
    return CompletableFuture.allOf(preparing.values().toArray(CompletableFuture[]::new)).thenApply(done -> {
      Map<Cql, PreparedStatement> prepared = new EnumMap<>(Cql.class);
      preparing.forEach((cql, statement) -> prepared.put(cql, statement.join()));
      return new CassandraCandleTables(prepared, settings.readProfile(), settings.writeProfile());
    });
  }

  /** The bucket of the candle opening at {@code openTime}: whole spans of {@value #CANDLES_PER_BUCKET} intervals. */
  static long bucket(CandleSeries series, Instant openTime) {
    return bucketOfMillis(series, openTime.toEpochMilli());
  }

  static long bucketOfMillis(CandleSeries series, long openTimeMillis) {
    return Math.floorDiv(openTimeMillis, series.interval().toMillis() * CANDLES_PER_BUCKET);
  }

  BoundStatement insert(Bar bar) {
    CandleSeries series = CandleSeries.of(bar);
    return prepared.get(Cql.INSERT).bind(series.symbol().value(), series.interval().toMillis(),
        bucket(series, bar.openTime()), bar.openTime(), bar.open().value(), bar.high().value(), bar.low().value(),
        bar.close().value(), bar.volume().value()).setExecutionProfileName(writeProfile);
  }

  BoundStatement insertBucket(CandleSeries series, long bucket) {
    return prepared.get(Cql.INSERT_BUCKET).bind(series.symbol().value(), series.interval().toMillis(), bucket)
        .setExecutionProfileName(writeProfile);
  }

  BoundStatement selectBetween(CandleSeries series, long bucket, long fromMillis, long toMillisExclusive) {
    return prepared.get(Cql.SELECT_BETWEEN).bind(series.symbol().value(), series.interval().toMillis(), bucket,
            Instant.ofEpochMilli(fromMillis), Instant.ofEpochMilli(toMillisExclusive))
        .setExecutionProfileName(readProfile);
  }

  BoundStatement selectNewest(CandleSeries series, long bucket, int n) {
    return prepared.get(Cql.SELECT_NEWEST).bind(series.symbol().value(), series.interval().toMillis(), bucket, n)
        .setExecutionProfileName(readProfile);
  }

  /** Every bucket of the series, newest first. */
  BoundStatement selectBuckets(CandleSeries series) {
    return prepared.get(Cql.SELECT_BUCKETS).bind(series.symbol().value(), series.interval().toMillis())
        .setExecutionProfileName(readProfile);
  }

  /** The buckets of the series from {@code first} to {@code last}, oldest first. */
  BoundStatement selectBucketsBetween(CandleSeries series, long first, long last) {
    return prepared.get(Cql.SELECT_BUCKETS_BETWEEN).bind(series.symbol().value(), series.interval().toMillis(),
        first, last).setExecutionProfileName(readProfile);
  }

  String writeProfile() {
    return writeProfile;
  }

  static Bar bar(CandleSeries series, Row row) {
    return CandleRows.bar(series, row.getInstant("open_time").toEpochMilli(), row.getBigDecimal("open"),
        row.getBigDecimal("high"), row.getBigDecimal("low"), row.getBigDecimal("close"), row.getBigDecimal("volume"));
  }
}
