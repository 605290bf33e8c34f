package org.peaktrade.actors.marketdata;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.peaktrade.engine.marketdata.BarValidator.Reason;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Symbol;

/**
 * Counters of one feed for metrics, and the close time of the newest accepted bar per symbol (for the feed's lag):
 * written by the stream, read from any thread. Unlike the {@link org.peaktrade.engine.marketdata.BarValidator}'s own
 * counts they survive re-materialisation.
 */
public final class FeedStats {
  private final LongAdder accepted = new LongAdder();
  private final LongAdder gaps = new LongAdder();
  private final Map<Reason, LongAdder> rejected = new EnumMap<>(Reason.class);
  private final Map<Symbol, Instant> lastCloseTimes = new ConcurrentHashMap<>();

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

  public void countRejected(Reason reason) {
    rejected.get(reason).increment();
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

  /** The close time of the newest accepted bar of every symbol seen so far (a copy). */
  public Map<Symbol, Instant> lastCloseTimes() {
    return Map.copyOf(lastCloseTimes);
  }
}
