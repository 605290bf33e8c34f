package org.peaktrade.actors.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.pekko.stream.AbruptTerminationException;
import org.junit.jupiter.api.Test;

class FeedStatsTest {
  private final FeedStats stats = new FeedStats();

  @Test
  void keepsTheFirstFailureOfTheStream() {
    boolean first = stats.recordFailure(new IllegalStateException("disk gone"));
    boolean second = stats.recordFailure(new IllegalStateException("and then some"));

    assertThat(first).isTrue();
    assertThat(second).isTrue();
    assertThat(stats.failure()).contains("java.lang.IllegalStateException: disk gone");
  }

  @Test
  void theActorSystemStoppingIsNoFailureOfTheFeed() {
    boolean recorded = stats.recordFailure(new AbruptTerminationException(null));

    assertThat(recorded).isFalse();
    assertThat(stats.failure()).isEmpty();
  }
}
