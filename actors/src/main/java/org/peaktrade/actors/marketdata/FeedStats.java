package org.peaktrade.actors.marketdata;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.apache.pekko.stream.AbruptStageTerminationException;
import org.apache.pekko.stream.AbruptTerminationException;
import org.peaktrade.engine.marketdata.BarValidator.Reason;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Symbol;

/**
 * Counters of one feed for metrics, the close time of the newest accepted bar per symbol (for the feed's lag), and
 * whether the feed's stream failed (for readiness): written by the stream, read from any thread. Unlike the
 * {@link org.peaktrade.engine.marketdata.BarValidator}'s own counts they survive re-materialisation. A replay's file
 * is checked before its stream starts ({@link ReplayFile}), so its skipped rows and gaps are counted then.
 */
public final class FeedStats {
  private final LongAdder accepted = new LongAdder();
  private final LongAdder gaps = new LongAdder();
  private final Map<Reason, LongAdder> rejected = new EnumMap<>(Reason.class);
  private final Map<Symbol, Instant> lastCloseTimes = new ConcurrentHashMap<>();
  private final LongAdder skippedRows = new LongAdder();
  private final AtomicReference<String> failure = new AtomicReference<>();
  private final AtomicLong toPlayAgain = new AtomicLong();
  private final LongAdder playedAgain = new LongAdder();
  private final LongAdder storeRefused = new LongAdder();
  private final LongAdder storeFailures = new LongAdder();

  public FeedStats() {
    for (Reason reason : Reason.values()) {
      rejected.put(reason, new LongAdder());
    }
  }

  /** Counts {@code bar}, which passed validation, and remembers its close time as its symbol's newest. */
  public void countAccepted(Bar bar) {
    accepted.increment();
    lastCloseTimes.put(bar.symbol(), bar.closeTime());
  }

  void countGap() {
    gaps.increment();
  }

  /** Counts {@code count} gaps found before the bars are played (in a replay file). */
  public void countGaps(long count) {
    gaps.add(count);
  }

  /** A restarted replay plays {@code count} bars again, unpaced, that it had played before the restart. */
  public void willPlayAgain(long count) {
    toPlayAgain.set(count);
  }

  /** Counts one of the bars played again (see {@link #willPlayAgain}). */
  public void countPlayedAgain() {
    playedAgain.increment();
  }

  /**
   * While a restarted replay plays again what it had played (its sessions skip what they had processed and catch up
   * on the rest), what it is doing; empty once it is done, and for a feed that did not restart.
   */
  public Optional<String> catchingUp() {
    long total = toPlayAgain.get();
    long done = playedAgain.sum();
    return done >= total ? Optional.empty() : Optional.of("catching up after a restart: playing again, unpaced, the "
        + total + " bars played before it (" + done + " done); sessions skip the bars they had processed");
  }

  /** Counts {@code count} rows of the feed's file that were left out because they are bad. */
  public void countSkippedRows(long count) {
    skippedRows.add(count);
  }

  /**
   * Records that the feed's stream failed with {@code cause} and delivers nothing more (the first cause is kept), and
   * returns true; returns false for the stream being torn down because the actor system stops, which is no failure
   * of the feed.
   */
  public boolean recordFailure(Throwable cause) {
    if (cause instanceof AbruptTerminationException || cause instanceof AbruptStageTerminationException) {
      return false;
    }
    failure.compareAndSet(null, cause.toString());
    return true;
  }

  public void countRejected(Reason reason) {
    rejected.get(reason).increment();
  }

  /** Counts {@code count} bars the candle store refused (they differ from the candles it keeps): not published. */
  public void countStoreRefused(long count) {
    storeRefused.add(count);
  }

  /** Counts a batch of bars the candle store did not answer for in time (they were published all the same). */
  public void countStoreFailure() {
    storeFailures.increment();
  }

  public long storeRefused() {
    return storeRefused.sum();
  }

  public long storeFailures() {
    return storeFailures.sum();
  }

  public long accepted() {
    return accepted.sum();
  }

  public long gaps() {
    return gaps.sum();
  }

  public long rejected(Reason reason) {
    return rejected.get(reason).sum();
  }

  public long skippedRows() {
    return skippedRows.sum();
  }

  /** Why the feed's stream failed, or empty while it runs (or after it ended normally). */
  public Optional<String> failure() {
    return Optional.ofNullable(failure.get());
  }

  /** The close time of the newest accepted bar of every symbol seen so far (a copy). */
  public Map<Symbol, Instant> lastCloseTimes() {
    return Map.copyOf(lastCloseTimes);
  }
}
