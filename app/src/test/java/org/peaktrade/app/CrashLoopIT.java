package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.app.fixtures.CrashLoop;

/**
 * Acknowledged means durable, proven by crashing: {@link CrashLoop} SIGKILLs a real node on one data dir 15 times
 * ({@code -Dcrash-loop.cycles=N} for more) at seeded random moments while kills, recovery requests and completions
 * on three scopes are answered and two PAPER sessions place orders, and reads every scope's audit trail and every
 * session's orders back after each restart. The longer soak is {@code bench}'s {@code CrashLoopSoak}.
 */
class CrashLoopIT {
  private static final int CYCLES = Integer.getInteger("crash-loop.cycles", 15);

  @TempDir
  Path dir;

  @Test
  void keepsEveryAcknowledgedKillSwitchEventAndOrderAcrossThirtyCrashes() throws Exception {
    CrashLoop.Result result = CrashLoop.run(new CrashLoop.Settings(CYCLES, 20261206L,
        List.of("global", "crash-a", "crash-b"), Duration.ofMillis(2000), dir), System.out);

    assertThat(result.failures()).isEmpty();
    assertThat(result.lost()).isZero();
    assertThat(result.rewritten()).isZero();
    assertThat(result.cycles()).isEqualTo(CYCLES);
    assertThat(result.acknowledged()).as("events acknowledged before a crash").isGreaterThan(CYCLES);
    assertThat(result.snapshots()).as("snapshots written under the crashes").isPositive();
    assertThat(result.ordersSeen()).as("orders the API showed before a crash").isPositive();
    assertThat(result.ordersLostOrChanged()).isZero();
  }
}
