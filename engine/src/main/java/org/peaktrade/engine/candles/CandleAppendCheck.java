package org.peaktrade.engine.candles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.peaktrade.engine.candles.CandleRejection.Reason;
import org.peaktrade.protocol.Bar;

/**
 * The one check a batch of candles passes before the store keeps it, against what the store already keeps. Per series
 * (symbol and interval), in batch order, each candle is:
 *
 * <ol>
 *   <li>refused as {@link Reason#MISALIGNED} unless it opens on a whole multiple of its interval since the epoch;</li>
 *   <li>if a candle with its open time is kept (stored, or earlier in this batch): ignored and counted when identical
 *   (an idempotent re-append), refused as {@link Reason#CONFLICTING_DUPLICATE} when it differs — a kept candle is
 *   never overwritten;</li>
 *   <li>refused as {@link Reason#OUT_OF_ORDER} when it opens before the newest kept candle;</li>
 *   <li>otherwise stored, with a {@link CandleGap} reported when it opens more than one interval after the newest
 *   kept candle.</li>
 * </ol>
 *
 * <p>A store reads, per series of the batch, the newest kept candle and the kept candles in the series'
 * {@link #windows window}, then {@link #plan plans}. Pure: no I/O, no clock.
 */
public final class CandleAppendCheck {

  private CandleAppendCheck() {}

  /**
   * Per series of {@code batch}, in order of first appearance: from the earliest open time to just after the latest,
   * the open times whose kept candles the check needs.
   */
  public static Map<CandleSeries, TimeWindow> windows(List<Bar> batch) {
    Map<CandleSeries, TimeWindow> windows = new LinkedHashMap<>();
    for (Bar bar : batch) {
      windows.merge(CandleSeries.of(bar), TimeWindow.at(bar.openTime()), TimeWindow::union);
    }
    return windows;
  }

  /**
   * Decides {@code batch} against {@code stored} (per series of the batch; a series missing from the map has nothing
   * stored).
   */
  public static AppendPlan plan(List<Bar> batch, Map<CandleSeries, StoredCandles> stored) {
    Map<CandleSeries, Kept> kept = new HashMap<>();
    List<Bar> toStore = new ArrayList<>();
    List<CandleRejection> rejections = new ArrayList<>();
    List<CandleGap> gaps = new ArrayList<>();
    int duplicates = 0;
    for (Bar bar : batch) {
      CandleSeries series = CandleSeries.of(bar);
      Kept known = kept.computeIfAbsent(series, s -> Kept.of(stored.getOrDefault(s, StoredCandles.NONE)));
      Bar same = known.byOpenTime.get(bar.openTime());
      if (!aligned(bar)) {
        rejections.add(new CandleRejection(bar, Reason.MISALIGNED, series + " candle at " + bar.openTime()
            + " does not open on a multiple of its interval"));
      } else if (same != null && same.equals(bar)) {
        duplicates++;
      } else if (same != null) {
        rejections.add(conflict(bar, same));
      } else if (known.newest != null && bar.openTime().isBefore(known.newest.openTime())) {
        rejections.add(new CandleRejection(bar, Reason.OUT_OF_ORDER, series + " candle at " + bar.openTime()
            + " is older than the newest kept, at " + known.newest.openTime()));
      } else {
        if (known.newest != null && bar.openTime().isAfter(known.newest.closeTime())) {
          gaps.add(CandleGap.between(series, known.newest.closeTime(), bar.openTime()));
        }
        known.keep(bar);
        toStore.add(bar);
      }
    }
    return new AppendPlan(toStore, new AppendResult(toStore.size(), duplicates, rejections, gaps));
  }

  /** Opens on a whole multiple of its interval since the epoch, both in whole milliseconds. */
  static boolean aligned(Bar bar) {
    long intervalNanos = bar.interval().toNanos();
    if (intervalNanos % 1_000_000 != 0 || bar.openTime().getNano() % 1_000_000 != 0) {
      return false;
    }
    return Math.floorMod(bar.openTime().toEpochMilli(), intervalNanos / 1_000_000) == 0;
  }

  /**
   * {@code result} judged again for its {@link Reason#OUT_OF_ORDER} rejections now that {@code keptNow} (candles read
   * from the store after the append, around those open times) is known: a candle kept at the open time of one of them
   * was stored by another writer between this append's reads (it read that writer's newest candle but not yet its
   * older ones). Such a candle is then what it would have been had the reads seen it: a duplicate, ignored and
   * counted, when the same; a conflicting duplicate when different. The others stay out of order; order is kept.
   */
  public static AppendResult outOfOrderReconsidered(AppendResult result, List<Bar> keptNow) {
    Map<String, Bar> kept = new HashMap<>();
    keptNow.forEach(bar -> kept.put(CandleSeries.of(bar) + "@" + bar.openTime(), bar));
    List<CandleRejection> rejections = new ArrayList<>(result.rejections().size());
    int duplicates = 0;
    for (CandleRejection rejection : result.rejections()) {
      Bar there = rejection.reason() == Reason.OUT_OF_ORDER
          ? kept.get(CandleSeries.of(rejection.bar()) + "@" + rejection.bar().openTime()) : null;
      if (there == null) {
        rejections.add(rejection);
      } else if (there.equals(rejection.bar())) {
        duplicates++;
      } else {
        rejections.add(conflict(rejection.bar(), there));
      }
    }
    return new AppendResult(result.stored(), result.duplicatesIgnored() + duplicates, rejections, result.gaps());
  }

  /** The rejection of {@code offered} because {@code kept}, with the same open time, differs from it. */
  public static CandleRejection conflict(Bar offered, Bar kept) {
    return new CandleRejection(offered, Reason.CONFLICTING_DUPLICATE, CandleSeries.of(offered) + " candle at "
        + offered.openTime() + " differs from the one kept: " + differences(offered, kept));
  }

  private static String differences(Bar bar, Bar kept) {
    StringJoiner joiner = new StringJoiner(", ");
    difference(joiner, "open", bar.open(), kept.open());
    difference(joiner, "high", bar.high(), kept.high());
    difference(joiner, "low", bar.low(), kept.low());
    difference(joiner, "close", bar.close(), kept.close());
    difference(joiner, "volume", bar.volume(), kept.volume());
    return joiner.toString();
  }

  private static void difference(StringJoiner joiner, String field, Object offered, Object kept) {
    if (!offered.equals(kept)) {
      joiner.add(field + " " + offered + " (kept " + kept + ")");
    }
  }

  /** The kept candles of one series the check has seen: stored ones in the window, plus those accepted so far. */
  private static final class Kept {
    private final Map<Instant, Bar> byOpenTime = new HashMap<>();
    private Bar newest;

    static Kept of(StoredCandles stored) {
      Kept kept = new Kept();
      stored.inWindow().forEach(bar -> kept.byOpenTime.put(bar.openTime(), bar));
      kept.newest = stored.latest().orElse(null);
      return kept;
    }

    void keep(Bar bar) {
      byOpenTime.put(bar.openTime(), bar);
      newest = bar;
    }
  }
}
