package org.peaktrade.engine.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2);

  @Test
  void delaysDoubleFromTheMinimumUpToTheCap() {
    assertThat(IntStream.rangeClosed(1, 8).mapToObj(retry -> backoff.delay(retry, 0).toSeconds()))
        .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
  }

  @Test
  void jitterStretchesADelayByAtMostTheRandomFactor() {
    assertThat(backoff.delay(3, 0.5)).isEqualTo(Duration.ofMillis(4400));
    assertThat(backoff.delay(100, 0.999)).isLessThanOrEqualTo(Duration.ofSeconds(36));
  }

  @Test
  void aVeryLateRetryStaysAtTheCapWithoutOverflowing() {
    assertThat(backoff.delay(Integer.MAX_VALUE, 0)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void refusesAMaximumBelowTheMinimum() {
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0))
        .hasMessageContaining("max-backoff");
  }
}
