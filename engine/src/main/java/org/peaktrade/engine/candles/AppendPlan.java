package org.peaktrade.engine.candles;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.peaktrade.protocol.Bar;

/**
 * The decision on one batch before anything is written: the candles to store (batch order) and the result the append
 * reports once they are.
 */
public record AppendPlan(List<Bar> toStore, AppendResult result) {

  public AppendPlan {
    toStore = List.copyOf(toStore);
    Objects.requireNonNull(result, "result");
  }

  /**
   * The result when a store that writes with a condition (Cassandra: insert if not exists) found, while writing, open
   * times of {@link #toStore} that another writer took after the check: {@code duplicates} of them hold the same
   * candle, {@code conflicts} a different one (reported after the check's own rejections). Neither counts as stored.
   * The gaps stay reported: the candle after each is in the store, whoever wrote it.
   */
  public AppendResult afterRace(int duplicates, List<CandleRejection> conflicts) {
    if (duplicates < 0 || duplicates + conflicts.size() > result.stored()) {
      throw new IllegalArgumentException("a race can only take open times this plan stores: " + duplicates + " + "
          + conflicts.size() + " of " + result.stored());
    }
    List<CandleRejection> rejections = new ArrayList<>(result.rejections());
    rejections.addAll(conflicts);
    return new AppendResult(result.stored() - duplicates - conflicts.size(), result.duplicatesIgnored() + duplicates,
        rejections, result.gaps());
  }
}
