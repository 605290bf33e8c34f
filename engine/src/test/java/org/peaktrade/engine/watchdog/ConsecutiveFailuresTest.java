package org.peaktrade.engine.watchdog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsecutiveFailuresTest {
  private final ConsecutiveFailures failures = new ConsecutiveFailures(3);

  @Test
  void firesOnTheThirdFailureInARowAndOnlyThen() {
    assertThat(failures.record(false)).isFalse();
    assertThat(failures.record(false)).isFalse();
    assertThat(failures.record(false)).isTrue();
    assertThat(failures.record(false)).isFalse();
  }

  @Test
  void aSuccessResetsTheCountSoTheNextOutageFiresAgain() {
    failures.record(false);
    failures.record(false);
    failures.record(true);
    failures.record(false);
    assertThat(failures.record(false)).isFalse();
    assertThat(failures.record(false)).isTrue();
  }
}
