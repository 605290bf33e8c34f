package org.peaktrade.engine.candles;

import java.util.ArrayList;
import java.util.List;

/**
 * What the store did with one batch: how many candles it stored, how many it ignored as identical re-appends, the
 * candles it refused (in batch order) and the gaps the stored candles left (in batch order). A gap's candles are
 * stored; only rejections are not.
 */
public record AppendResult(int stored, int duplicatesIgnored, List<CandleRejection> rejections, List<CandleGap> gaps) {
  public static final AppendResult NOTHING = new AppendResult(0, 0, List.of(), List.of());

  public AppendResult {
    if (stored < 0 || duplicatesIgnored < 0) {
      throw new IllegalArgumentException("counts must not be negative: " + stored + ", " + duplicatesIgnored);
    }
    rejections = List.copyOf(rejections);
    gaps = List.copyOf(gaps);
  }

  /** This batch's outcome followed by {@code later}'s: counts added, lists concatenated. */
  public AppendResult plus(AppendResult later) {
    List<CandleRejection> allRejections = new ArrayList<>(rejections);
    allRejections.addAll(later.rejections);
    List<CandleGap> allGaps = new ArrayList<>(gaps);
    allGaps.addAll(later.gaps);
    return new AppendResult(stored + later.stored, duplicatesIgnored + later.duplicatesIgnored, allRejections,
        allGaps);
  }
}
