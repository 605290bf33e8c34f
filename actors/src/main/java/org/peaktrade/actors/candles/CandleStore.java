package org.peaktrade.actors.candles;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.peaktrade.engine.candles.AppendResult;
import org.peaktrade.engine.candles.CandleAppendCheck;
import org.peaktrade.engine.candles.InMemoryCandleHistory;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Symbol;

/**
 * The node's candles, once per symbol and interval, beside its journal: SQLite under the data dir with the embedded
 * journal, a table of the journal's keyspace on Cassandra ({@link CandleStoreSettings.Backend}). Every batch passes
 * {@link CandleAppendCheck} against what is stored before any of it is written: misaligned, conflicting and
 * out-of-order candles are refused and reported, identical re-appends ignored and counted, gaps stored and reported.
 * Sessions read what their strategy needs from here (warm-up with {@link #last}, catch-up and the equity curve with
 * {@link #range}) instead of keeping candles of their own.
 *
 * <p>Appends from several nodes at once are safe: on SQLite the check and the write are one transaction; on Cassandra
 * every candle is written only if its open time is free (a lightweight transaction per batch of one partition), so a
 * candle whose open time another writer took after the check is counted as a duplicate when it is the same and
 * reported as a conflict when it differs — never overwritten. A failed append on SQLite stored nothing;
 * on Cassandra it may have stored some of its candles, and appending the batch again completes it.
 *
 * <p>Talks to: the SQLite file on its own dispatcher, or the journal plugin's Cassandra session.
 */
public interface CandleStore extends AutoCloseable {

  /** Checks {@code bars} against the stored candles and stores those that pass; what happened, in batch order. */
  CompletionStage<AppendResult> append(List<Bar> bars);

  /** The stored candles of the series opening in {@code [fromInclusive, toExclusive)}, oldest first. */
  CompletionStage<List<Bar>> range(Symbol symbol, Duration interval, Instant fromInclusive, Instant toExclusive);

  /** The {@code n} newest stored candles of the series (fewer if fewer are stored), oldest first: a warm-up. */
  CompletionStage<List<Bar>> last(Symbol symbol, Duration interval, int n);

  /** The newest stored candle of the series, if any. */
  CompletionStage<Optional<Bar>> latest(Symbol symbol, Duration interval);

  /** Releases the store's connections (SQLite); the Cassandra session belongs to the journal plugin and stays. */
  @Override
  void close();

  /** The store the settings choose, ready to use; fails naming the file when a SQLite database cannot be opened. */
  static CandleStore create(ActorSystem<?> system, CandleStoreSettings settings) {
    return switch (settings.backend()) {
      case SQLITE -> BlockingCandleStore.sqlite(system, settings.sqlite());
      case CASSANDRA -> new CassandraCandleStore(system, settings.cassandra());
      case MEMORY -> inMemory(system);
    };
  }

  /** A store in memory (unit tests, benches): the same check, nothing outlives the process. */
  static CandleStore inMemory(ActorSystem<?> system) {
    return new BlockingCandleStore(new InMemoryCandleHistory(), system.executionContext(), () -> { });
  }
}
