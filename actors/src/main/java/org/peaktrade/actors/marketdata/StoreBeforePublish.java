package org.peaktrade.actors.marketdata;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Flow;
import org.peaktrade.actors.candles.CandleStore;
import org.peaktrade.engine.candles.AppendResult;
import org.peaktrade.engine.candles.CandleRejection;
import org.peaktrade.protocol.Bar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stage of a feed that stores its bars in the node's {@link CandleStore} before they are published, so that a
 * session resuming after its last bar finds every bar published since ({@link StoredBars}). Bars go to the store in
 * batches (up to {@value #BATCH} within {@link #WITHIN}: one write per bar while a live feed trickles, few while a
 * replay plays unpaced), and on once it answered:
 * <ul>
 *   <li>stored, or ignored as identical to a stored candle (a restarted replay playing again what it had played):
 *       published;</li>
 *   <li>refused (it differs from the candle the store keeps for its time, or comes before the newest one): not
 *       published, logged with the store's reason and counted ({@link FeedStats#countStoreRefused}) — a session must
 *       not trade on a candle that a resuming session would see differently;</li>
 *   <li>the store failed or did not answer within {@link #TIMEOUT}: published all the same, logged and counted
 *       ({@link FeedStats#countStoreFailure}) — market data keeps flowing through a store outage; a session that
 *       resumes later finds those bars missing and says it skipped them.</li>
 * </ul>
 */
public final class StoreBeforePublish {
  static final int BATCH = 500;
  static final Duration WITHIN = Duration.ofMillis(20);
  static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Logger LOG = LoggerFactory.getLogger(StoreBeforePublish.class);

  private StoreBeforePublish() {}

  /** The stage for a feed named {@code feed} (in log lines). */
  public static Flow<Bar, Bar, NotUsed> flow(CandleStore store, FeedStats stats, String feed) {
    return Flow.of(Bar.class)
        .groupedWithin(BATCH, WITHIN)
        .mapAsync(1, batch -> store.append(batch).toCompletableFuture()
            .orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
            .handle((result, failure) -> published(batch, result, failure, stats, feed)))
        .mapConcat(bars -> bars);
  }

  static List<Bar> published(List<Bar> batch, AppendResult result, Throwable failure, FeedStats stats, String feed) {
    if (failure != null) {
      stats.countStoreFailure();
      LOG.warn("market data: the candle store did not take {} {} bar(s) from {} to {} ({}); published all the same, "
          + "a session resuming later will miss them", batch.size(), feed, batch.get(0).openTime(),
          batch.get(batch.size() - 1).openTime(), failure.toString());
      return batch;
    }
    if (result.rejections().isEmpty()) {
      return batch;
    }
    stats.countStoreRefused(result.rejections().size());
    Set<Bar> refused = new HashSet<>();
    for (CandleRejection rejection : result.rejections()) {
      refused.add(rejection.bar());
    }
    LOG.warn("market data: the candle store refused {} {} bar(s), not published (the data dir keeps other candles for "
        + "these times; start with an empty candle store to use these): {}", refused.size(), feed,
        result.rejections().stream().limit(3).map(r -> r.reason() + ": " + r.detail()).toList());
    return batch.stream().filter(bar -> !refused.contains(bar)).toList();
  }
}
