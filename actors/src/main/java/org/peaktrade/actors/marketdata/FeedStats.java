package org.peaktrade.actors.marketdata;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.peaktrade.engine.marketdata.BarValidator.Reason;

/**
 * Counters of one feed for metrics: written by the stream, read from any thread. Unlike the
 * {@link org.peaktrade.engine.marketdata.BarValidator}'s own counts they survive re-materialisation.
 */
public final class FeedStats {
  private final LongAdder accepted = new LongAdder();
  private final LongAdder gaps = new LongAdder();
  private final Map<Reason, LongAdder> rejected = new EnumMap<>(Reason.class);

  public FeedStats() {
    for (Reason reason : Reason.values()) {
      rejected.put(reason, new LongAdder());
    }
  }

  void countAccepted() {
    accepted.increment();
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
}
