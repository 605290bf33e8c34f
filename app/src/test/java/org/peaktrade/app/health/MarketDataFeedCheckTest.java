package org.peaktrade.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.actors.marketdata.FeedStats;
import org.peaktrade.protocol.killswitch.HealthCheckResult;

class MarketDataFeedCheckTest {
  private final FeedStats stats = new FeedStats();
  private final MarketDataFeedCheck check = new MarketDataFeedCheck("replay", stats);

  @Test
  void passesWhileTheFeedRunsAndCountsWhatItDeliveredAndLeftOut() throws Exception {
    stats.countSkippedRows(2);
    stats.countAccepted(Bars.minute(0));

    HealthCheckResult result = check.run().toCompletableFuture().get();

    assertThat(result).isEqualTo(new HealthCheckResult("market-data-feed", true,
        "replay: 1 bar delivered, 2 bad rows left out at start"));
  }

  @Test
  void failsOnceTheFeedHasFailedNamingWhy() throws Exception {
    stats.countAccepted(Bars.minute(0));
    stats.recordFailure(new IllegalStateException("disk gone"));

    HealthCheckResult result = check.run().toCompletableFuture().get();

    assertThat(result).isEqualTo(new HealthCheckResult("market-data-feed", false,
        "replay failed, no more bars: java.lang.IllegalStateException: disk gone (1 bar delivered)"));
  }
}
