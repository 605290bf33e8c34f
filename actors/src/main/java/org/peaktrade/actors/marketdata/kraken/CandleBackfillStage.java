package org.peaktrade.actors.marketdata.kraken;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.peaktrade.actors.marketdata.FeedNotice;
import org.peaktrade.engine.marketdata.CandleStitcher;
import org.peaktrade.engine.marketdata.KrakenChannel;
import org.peaktrade.engine.marketdata.KrakenSubscription;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Symbol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.peaktrade.actors.marketdata.RejectionLog;

/**
 * The stage after the connections (it outlives each of them): one {@link CandleStitcher} per ohlc subscription
 * turns running candles into {@link KrakenFeedEvent.BarClosed} exactly once and in order, and fetches the REST
 * backfill a stitcher asks for after a reconnect. Used as {@code mapAsync(1, stage::handle)}, so events are handled
 * one at a time and later frames wait while a backfill is in flight. A failed backfill is reported and the feed
 * resumes; the hole then surfaces as a gap in validation.
 */
final class CandleBackfillStage {
  private static final Logger LOG = LoggerFactory.getLogger(CandleBackfillStage.class);

  private record Key(Symbol symbol, Duration interval) {}

  private final Map<Key, CandleStitcher> stitchers = new HashMap<>();
  private final KrakenRestOhlc rest;
  private final KrakenFeedStats stats;
  private final RejectionLog rejections;
  private final Consumer<FeedNotice> notices;

  CandleBackfillStage(List<KrakenSubscription> subscriptions, KrakenRestOhlc rest, KrakenFeedStats stats,
      RejectionLog rejections, Consumer<FeedNotice> notices) {
    for (KrakenSubscription subscription : subscriptions) {
      if (subscription.channel() instanceof KrakenChannel.Ohlc ohlc) {
        stitchers.put(new Key(subscription.symbol(), ohlc.interval()),
            new CandleStitcher(subscription.symbol(), ohlc.interval()));
      }
    }
    this.rest = rest;
    this.stats = stats;
    this.rejections = rejections;
    this.notices = notices;
  }

  /** Seeds the stitcher of {@code stored}'s series with it ({@link CandleStitcher#resumeAfter}); before connecting. */
  void resumeAfter(Bar stored) {
    CandleStitcher stitcher = stitchers.get(new Key(stored.symbol(), stored.interval()));
    if (stitcher != null) {
      stitcher.resumeAfter(stored);
    }
  }

  CompletionStage<List<KrakenFeedEvent>> handle(KrakenFeedEvent event) {
    if (event instanceof KrakenFeedEvent.ConnectionStarted) {
      stitchers.values().forEach(CandleStitcher::connectionLost);
      return CompletableFuture.completedFuture(List.of());
    }
    if (event instanceof KrakenFeedEvent.RunningCandles running) {
      return stitch(running.candles(), 0, new ArrayList<>());
    }
    return CompletableFuture.completedFuture(List.of(event));
  }

  private CompletionStage<List<KrakenFeedEvent>> stitch(List<Bar> candles, int from, List<KrakenFeedEvent> out) {
    for (int i = from; i < candles.size(); i++) {
      Bar candle = candles.get(i);
      CandleStitcher stitcher = stitchers.get(new Key(candle.symbol(), candle.interval()));
      if (stitcher == null) {
        continue;
      }
      CandleStitcher.Step step = stitcher.onRunningCandle(candle);
      if (step instanceof CandleStitcher.Emit emit) {
        emit.closed().forEach(bar -> out.add(new KrakenFeedEvent.BarClosed(bar)));
      } else if (step instanceof CandleStitcher.Rejected rejected) {
        stats.bars().countRejected(rejected.reason());
        rejections.rejected(rejected.reason(), rejected.detail());
        notices.accept(new FeedNotice.Rejected(candle, rejected.reason(), rejected.detail()));
      } else if (step instanceof CandleStitcher.Backfill backfill) {
        int next = i + 1;
        return backfill(stitcher, backfill, out).thenCompose(done -> stitch(candles, next, out));
      }
    }
    return CompletableFuture.completedFuture(out);
  }

  private CompletionStage<Void> backfill(CandleStitcher stitcher, CandleStitcher.Backfill backfill,
      List<KrakenFeedEvent> out) {
    Bar resume = backfill.resumeWith();
    return rest.closedCandles(resume.symbol(), resume.interval(), backfill.from(), backfill.to())
        .handle((bars, failure) -> {
          List<Bar> fill = stitcher.onBackfill(failure == null ? bars : List.of(), resume);
          fill.forEach(bar -> out.add(new KrakenFeedEvent.BarClosed(bar)));
          if (failure == null) {
            stats.countBackfilled(fill.size());
            LOG.info("{} {}: backfilled {} closed candles of [{}, {}) from REST", resume.symbol(), resume.interval(),
                fill.size(), backfill.from(), backfill.to());
            notices.accept(new FeedNotice.Backfilled(resume.symbol(), resume.interval(), backfill.from(),
                backfill.to(), fill.size()));
          } else {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
            stats.countBackfillFailure();
            LOG.error("{} {}: REST backfill of [{}, {}) failed: {}", resume.symbol(), resume.interval(),
                backfill.from(), backfill.to(), cause.toString());
            notices.accept(new FeedNotice.BackfillFailed(resume.symbol(), resume.interval(), backfill.from(),
                backfill.to(), cause.toString()));
          }
          return null;
        });
  }
}
