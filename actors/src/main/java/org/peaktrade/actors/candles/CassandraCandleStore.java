package org.peaktrade.actors.candles;

import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.peaktrade.engine.candles.AppendPlan;
import org.peaktrade.engine.candles.AppendResult;
import org.peaktrade.engine.candles.CandleAppendCheck;
import org.peaktrade.engine.candles.CandleHistory;
import org.peaktrade.engine.candles.CandleRejection;
import org.peaktrade.engine.candles.CandleRejection.Reason;
import org.peaktrade.engine.candles.CandleSeries;
import org.peaktrade.engine.candles.StoredCandles;
import org.peaktrade.engine.candles.TimeWindow;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Symbol;

/**
 * The candles in the journal's Cassandra keyspace ({@link CassandraCandleTables}), through the journal plugin's
 * session and driver profiles (its consistency). An append reads the newest candle and the candles in the batch's
 * window per series, checks the batch ({@link CandleAppendCheck}), and writes what passes partition by partition
 * ({@code parallelism} partitions at once) in conditional batches: {@code INSERT ... IF NOT EXISTS}, one lightweight
 * transaction per {@code batch-size} candles of one partition, applied all or none. A batch that is not applied met
 * open times another writer took after the read: its candles are then inserted one by one, each insert that is not
 * applied answering with the candle it found — the same candle counts as a duplicate, a different one is reported as
 * a conflict — so nothing stored is ever overwritten. Out-of-order and gaps are judged against what was stored at the
 * read: two nodes appending the same series at once may each report a gap the other is filling.
 */
final class CassandraCandleStore implements CandleStore {
  private final ActorSystem<?> system;
  private final CandleStoreSettings.Cassandra settings;
  private final CassandraSession session;
  private final AtomicReference<CompletableFuture<CassandraCandleTables>> tables = new AtomicReference<>();

  CassandraCandleStore(ActorSystem<?> system, CandleStoreSettings.Cassandra settings) {
    this.system = system;
    this.settings = settings;
    this.session = CassandraSessionRegistry.get(system).sessionFor(settings.sessionConfig());
  }

  @Override
  public CompletionStage<AppendResult> append(List<Bar> bars) {
    List<Bar> batch = List.copyOf(bars);
    if (batch.isEmpty()) {
      return CompletableFuture.completedFuture(AppendResult.NOTHING);
    }
    return tables().thenCompose(t -> append(t, batch));
  }

  @Override
  public CompletionStage<List<Bar>> range(Symbol symbol, Duration interval, Instant fromInclusive,
      Instant toExclusive) {
    return tables().thenCompose(t -> between(t, new CandleSeries(symbol, interval),
        new TimeWindow(fromInclusive, toExclusive)));
  }

  @Override
  public CompletionStage<List<Bar>> last(Symbol symbol, Duration interval, int n) {
    return tables().thenCompose(t -> newest(t, new CandleSeries(symbol, interval), CandleHistory.requireCount(n)))
        .thenApply(newestFirst -> {
          List<Bar> oldestFirst = new ArrayList<>(newestFirst);
          Collections.reverse(oldestFirst);
          return List.copyOf(oldestFirst);
        });
  }

  @Override
  public CompletionStage<Optional<Bar>> latest(Symbol symbol, Duration interval) {
    return tables().thenCompose(t -> newest(t, new CandleSeries(symbol, interval), 1))
        .thenApply(bars -> bars.stream().findFirst());
  }

  @Override
  public void close() {
    // The session is the journal plugin's, shared and closed with the actor system.
  }

  private CompletionStage<AppendResult> append(CassandraCandleTables t, List<Bar> batch) {
    return stored(t, CandleAppendCheck.windows(batch)).thenCompose(stored -> {
      AppendPlan plan = CandleAppendCheck.plan(batch, stored);
      return write(t, plan.toStore()).thenApply(race -> race.equals(Race.NONE) ? plan.result()
          : plan.afterRace(race.duplicates(), race.conflicts()));
    }).thenCompose(result -> reconsiderOutOfOrder(t, result));
  }

  /**
   * Reads the store again around the candles judged out of order, if any: another node appending the same times at
   * once may have stored them after this append's reads ({@link CandleAppendCheck#outOfOrderReconsidered}).
   */
  private CompletionStage<AppendResult> reconsiderOutOfOrder(CassandraCandleTables t, AppendResult result) {
    Map<CandleSeries, List<Bar>> late = new LinkedHashMap<>();
    result.rejections().stream().filter(rejection -> rejection.reason() == Reason.OUT_OF_ORDER)
        .forEach(rejection -> late.computeIfAbsent(CandleSeries.of(rejection.bar()), s -> new ArrayList<>())
            .add(rejection.bar()));
    if (late.isEmpty()) {
      return CompletableFuture.completedFuture(result);
    }
    CompletionStage<List<Bar>> kept = CompletableFuture.completedFuture(List.of());
    for (Map.Entry<CandleSeries, List<Bar>> series : late.entrySet()) {
      Instant from = series.getValue().stream().map(Bar::openTime).min(Instant::compareTo).orElseThrow();
      Instant to = series.getValue().stream().map(Bar::openTime).max(Instant::compareTo).orElseThrow()
          .plus(series.getKey().interval());
      kept = kept.thenCompose(before -> between(t, series.getKey(), new TimeWindow(from, to))
          .thenApply(found -> Stream.concat(before.stream(), found.stream()).toList()));
    }
    return kept.thenApply(found -> CandleAppendCheck.outOfOrderReconsidered(result, found));
  }

  /**
   * Per series: the newest stored candle, then the stored candles in its window (the series side by side). The window
   * is read after the newest candle, not alongside, which narrows the time in which the reads can see another
   * writer's newest candle but not its older ones at the same times; what still slips through is judged again after
   * the write ({@link #reconsiderOutOfOrder}).
   */
  private CompletionStage<Map<CandleSeries, StoredCandles>> stored(CassandraCandleTables t,
      Map<CandleSeries, TimeWindow> windows) {
    Map<CandleSeries, CompletableFuture<StoredCandles>> reads = new LinkedHashMap<>();
    windows.forEach((series, window) -> reads.put(series, newest(t, series, 1)
        .thenCompose(newest -> between(t, series, window).thenApply(inWindow ->
            new StoredCandles(newest.stream().findFirst(), inWindow)))
        .toCompletableFuture()));
    return CompletableFuture.allOf(reads.values().toArray(CompletableFuture[]::new)).thenApply(done -> {
      Map<CandleSeries, StoredCandles> stored = new LinkedHashMap<>();
      reads.forEach((series, read) -> stored.put(series, read.join()));
      return stored;
    });
  }

  /** Writes {@code bars} partition by partition; what it found of other writers. */
  private CompletionStage<Race> write(CassandraCandleTables t, List<Bar> bars) {
    Map<Partition, List<Bar>> partitions = new LinkedHashMap<>();
    for (Bar bar : bars) {
      CandleSeries series = CandleSeries.of(bar);
      partitions.computeIfAbsent(new Partition(series, CassandraCandleTables.bucket(series, bar.openTime())),
          p -> new ArrayList<>()).add(bar);
    }
    return Source.from(partitions.entrySet())
        .mapAsync(settings.parallelism(), partition -> writePartition(t, partition.getKey(), partition.getValue()))
        .runWith(Sink.fold(Race.NONE, Race::plus), system);
  }

  /**
   * Lists the bucket, then writes the partition's candles in conditional batches, one after the other. A batch that
   * was not applied met an open time another writer took: its candles are then written one by one, each insert
   * answering with the candle it found.
   */
  private CompletionStage<Race> writePartition(CassandraCandleTables t, Partition partition, List<Bar> bars) {
    CompletionStage<Race> race = session.executeWrite(t.insertBucket(partition.series(), partition.bucket()))
        .thenApply(done -> Race.NONE);
    for (int from = 0; from < bars.size(); from += settings.batchSize()) {
      List<Bar> chunk = bars.subList(from, Math.min(bars.size(), from + settings.batchSize()));
      List<BatchableStatement<?>> inserts = chunk.stream().<BatchableStatement<?>>map(t::insert).toList();
      BatchStatement batch = BatchStatement.newInstance(DefaultBatchType.UNLOGGED, inserts)
          .setExecutionProfileName(t.writeProfile());
      race = race.thenCompose(before -> session.selectOne(batch).thenCompose(row -> applied(row)
          ? CompletableFuture.completedFuture(before) : oneByOne(t, chunk, 0, before)));
    }
    return race;
  }

  private CompletionStage<Race> oneByOne(CassandraCandleTables t, List<Bar> chunk, int next, Race found) {
    if (next >= chunk.size()) {
      return CompletableFuture.completedFuture(found);
    }
    Bar bar = chunk.get(next);
    return session.selectOne(t.insert(bar)).thenCompose(row -> {
      Race now = found;
      if (!applied(row)) {
        Bar kept = CassandraCandleTables.bar(CandleSeries.of(bar), row.orElseThrow());
        now = found.plus(kept.equals(bar) ? new Race(1, List.of())
            : new Race(0, List.of(CandleAppendCheck.conflict(bar, kept))));
      }
      return oneByOne(t, chunk, next + 1, now);
    });
  }

  /** The stored candles of the series in {@code window}, oldest first, from the buckets listed for it. */
  private CompletionStage<List<Bar>> between(CassandraCandleTables t, CandleSeries series, TimeWindow window) {
    long from = CandleRows.ceilMillis(window.fromInclusive());
    long to = CandleRows.ceilMillis(window.toExclusive());
    if (from >= to) {
      return CompletableFuture.completedFuture(List.of());
    }
    return session.selectAll(t.selectBucketsBetween(series, CassandraCandleTables.bucketOfMillis(series, from),
            CassandraCandleTables.bucketOfMillis(series, to - 1)))
        .thenCompose(buckets -> Source.from(buckets)
            .mapAsync(settings.parallelism(), bucket -> session.selectAll(t.selectBetween(series,
                bucket.getLong("bucket"), from, to)))
            .runWith(Sink.seq(), system))
        .thenApply(partitions -> partitions.stream().flatMap(rows -> bars(series, rows).stream()).toList());
  }

  /** The {@code n} newest stored candles of the series, newest first, from its newest buckets down. */
  private CompletionStage<List<Bar>> newest(CassandraCandleTables t, CandleSeries series, int n) {
    if (n == 0) {
      return CompletableFuture.completedFuture(List.of());
    }
    return session.selectAll(t.selectBuckets(series))
        .thenCompose(buckets -> newest(t, series, buckets, 0, n, List.of()));
  }

  private CompletionStage<List<Bar>> newest(CassandraCandleTables t, CandleSeries series, List<Row> buckets,
      int next, int n, List<Bar> found) {
    if (found.size() >= n || next >= buckets.size()) {
      return CompletableFuture.completedFuture(found);
    }
    long bucket = buckets.get(next).getLong("bucket");
    return session.selectAll(t.selectNewest(series, bucket, n - found.size()))
        .thenCompose(rows -> newest(t, series, buckets, next + 1, n, Stream.concat(found.stream(),
            bars(series, rows).stream()).toList()));
  }

  /** The prepared statements; preparing again after a failure (Cassandra unreachable at the first call). */
  private CompletionStage<CassandraCandleTables> tables() {
    CompletableFuture<CassandraCandleTables> known = tables.get();
    if (known != null && !known.isCompletedExceptionally()) {
      return known;
    }
    CompletableFuture<CassandraCandleTables> preparing =
        CassandraCandleTables.prepare(session, settings).toCompletableFuture();
    tables.compareAndSet(known, preparing);
    return preparing;
  }

  private static List<Bar> bars(CandleSeries series, List<Row> rows) {
    return rows.stream().map(row -> CassandraCandleTables.bar(series, row)).toList();
  }

  private static boolean applied(Optional<Row> row) {
    return row.map(r -> r.getBoolean("[applied]")).orElse(false);
  }

  private record Partition(CandleSeries series, long bucket) {}

  /** Open times another writer took between the check and the write: same candle, or a different one. */
  private record Race(int duplicates, List<CandleRejection> conflicts) {
    static final Race NONE = new Race(0, List.of());

    Race plus(Race other) {
      List<CandleRejection> all = new ArrayList<>(conflicts);
      all.addAll(other.conflicts);
      return new Race(duplicates + other.duplicates, List.copyOf(all));
    }
  }
}
