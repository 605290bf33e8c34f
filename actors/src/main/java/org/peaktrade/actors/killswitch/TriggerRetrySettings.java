package org.peaktrade.actors.killswitch;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;
import org.peaktrade.engine.retry.Backoff;

/**
 * How automatic kill triggers are retried until their switch records them, from
 * {@code peaktrade.kill-trigger-delivery} (defaults in reference.conf). Invalid values fail at startup with the key
 * path in the message.
 *
 * @param backoff the delay before each retry: exponential from {@code min-backoff}, capped at {@code max-backoff},
 *     stretched by up to {@code random-factor}
 * @param attemptTimeout an attempt whose answer did not come within this counts as failed (the service's own ask
 *     timeout usually ends it first)
 */
public record TriggerRetrySettings(Backoff backoff, Duration attemptTimeout) {
  public static final String PATH = "peaktrade.kill-trigger-delivery";

  public TriggerRetrySettings {
    if (attemptTimeout.isNegative() || attemptTimeout.isZero()) {
      throw new IllegalArgumentException(PATH + ".attempt-timeout must be positive: " + attemptTimeout);
    }
  }

  public static TriggerRetrySettings fromConfig(Config root) {
    Config c = root.getConfig(PATH);
    try {
      return new TriggerRetrySettings(new Backoff(c.getDuration("min-backoff"), c.getDuration("max-backoff"),
          c.getDouble("random-factor")), c.getDuration("attempt-timeout"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException.BadValue(PATH, e.getMessage());
    }
  }
}
