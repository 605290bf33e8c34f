package org.peaktrade.app.health;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.peaktrade.actors.killswitch.HealthCheck;
import org.peaktrade.actors.marketdata.FeedStats;
import org.peaktrade.actors.marketdata.ReplayFile;
import org.peaktrade.protocol.killswitch.HealthCheckResult;

/**
 * Readiness check "market-data-feed": fails once the node's feed has failed ({@link FeedStats#failure()}), naming
 * why, so that a feed which stopped delivering is never behind a 200. The detail counts the bars delivered and the
 * bad rows of a replay file left out at start, if any. It fails too while a restarted replay plays again, unpaced,
 * what it had played before ({@link FeedStats#catchingUp}): the node's sessions are not current until it is done
 * (seconds). A replay that has played its file to the end
 * passes: it did what it was asked, and the watchdog reports the bars that stop coming as stale market data.
 */
public final class MarketDataFeedCheck implements HealthCheck {
  public static final String NAME = "market-data-feed";

  private final String feed;
  private final FeedStats stats;

  /** {@code feed} names the feed in the detail ({@code replay}, {@code kraken}). */
  public MarketDataFeedCheck(String feed, FeedStats stats) {
    this.feed = feed;
    this.stats = stats;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompletionStage<HealthCheckResult> run() {
    String counts = ReplayFile.count(stats.accepted(), "bar") + " delivered" + (stats.skippedRows() == 0 ? ""
        : ", " + ReplayFile.count(stats.skippedRows(), "bad row") + " left out at start");
    return CompletableFuture.completedFuture(stats.failure()
        .map(reason -> new HealthCheckResult(NAME, false, feed + " failed, no more bars: " + reason + " (" + counts
            + ")"))
        .or(() -> stats.catchingUp().map(what -> new HealthCheckResult(NAME, false, feed + " " + what + " ("
            + counts + ")")))
        .orElseGet(() -> new HealthCheckResult(NAME, true, feed + ": " + counts)));
  }
}
