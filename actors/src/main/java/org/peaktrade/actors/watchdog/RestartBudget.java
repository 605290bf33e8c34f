package org.peaktrade.actors.watchdog;

import com.typesafe.config.Config;
import java.time.Duration;
import org.apache.pekko.actor.typed.BackoffSupervisorStrategy;
import org.apache.pekko.actor.typed.SupervisorStrategy;

/**
 * How often a supervised child may fail before it is stopped for good: restarts with exponential backoff between
 * {@code min-backoff} and {@code max-backoff}, at most {@code max-restarts} in a row (defaults under
 * {@code peaktrade.kill-switch.watchdog.restart-budget} in reference.conf).
 */
public record RestartBudget(Duration minBackoff, Duration maxBackoff, double randomFactor, int maxRestarts) {
  public static final String PATH = "peaktrade.kill-switch.watchdog.restart-budget";

  public RestartBudget {
    if (minBackoff.isNegative() || minBackoff.isZero() || maxBackoff.compareTo(minBackoff) < 0) {
      throw new IllegalArgumentException(
          PATH + ": need 0 < min-backoff <= max-backoff, got " + minBackoff + ", " + maxBackoff);
    }
    if (randomFactor < 0 || randomFactor > 1) {
      throw new IllegalArgumentException(PATH + ".random-factor must be in [0, 1]: " + randomFactor);
    }
    if (maxRestarts < 1) {
      throw new IllegalArgumentException(PATH + ".max-restarts must be at least 1: " + maxRestarts);
    }
  }

  public static RestartBudget fromConfig(Config root) {
    Config c = root.getConfig(PATH);
    return new RestartBudget(c.getDuration("min-backoff"), c.getDuration("max-backoff"),
        c.getDouble("random-factor"), c.getInt("max-restarts"));
  }

  public BackoffSupervisorStrategy strategy() {
    return SupervisorStrategy.restartWithBackoff(minBackoff, maxBackoff, randomFactor).withMaxRestarts(maxRestarts);
  }
}
