package org.peaktrade.engine.candles;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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
   * The result once a store that writes with conditions (Cassandra: insert if not exists) found that another writer
   * got some open times first: {@code unwritten} of {@link #toStore} were not written, and were checked again against
   * what the store holds now, giving {@code retried}. They no longer count as stored here, nor do the gaps in front
   * of them; {@code retried} says what became of them.
   */
  public AppendResult afterConflict(List<Bar> unwritten, AppendResult retried) {
    Set<Bar> notWritten = new HashSet<>(unwritten);
    if (!toStore.containsAll(notWritten)) {
      throw new IllegalArgumentException("unwritten candles must be candles this plan stores");
    }
    Set<GapEnd> retriedEnds = new HashSet<>();
    notWritten.forEach(bar -> retriedEnds.add(new GapEnd(CandleSeries.of(bar), bar.openTime())));
    List<CandleGap> kept = result.gaps().stream()
        .filter(gap -> !retriedEnds.contains(new GapEnd(gap.series(), gap.to())))
        .toList();
    return new AppendResult(result.stored() - notWritten.size(), result.duplicatesIgnored(), result.rejections(), kept)
        .plus(retried);
  }

  private record GapEnd(CandleSeries series, Instant to) {}
}
