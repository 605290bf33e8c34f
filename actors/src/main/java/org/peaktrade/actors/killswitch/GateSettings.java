package org.peaktrade.actors.killswitch;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Settings of the node-local kill-switch gate, under {@code peaktrade.kill-switch.gate} (defaults in
 * reference.conf): a view older than {@code stale-after} blocks; every {@code refresh-interval} the gate asks the
 * service for each known scope so a missed push heals well before the view goes stale.
 */
public record GateSettings(Duration staleAfter, Duration refreshInterval) {
  public static final String PATH = "peaktrade.kill-switch.gate";

  public GateSettings {
    if (staleAfter.isNegative() || staleAfter.isZero()) {
      throw new IllegalArgumentException(PATH + ".stale-after must be positive: " + staleAfter);
    }
    if (refreshInterval.isNegative() || refreshInterval.isZero()) {
      throw new IllegalArgumentException(PATH + ".refresh-interval must be positive: " + refreshInterval);
    }
    if (refreshInterval.compareTo(staleAfter) >= 0) {
      throw new IllegalArgumentException(PATH + ".refresh-interval (" + refreshInterval
          + ") must be shorter than " + PATH + ".stale-after (" + staleAfter + "), or every view goes stale");
    }
  }

  public static GateSettings fromConfig(Config root) {
    Config c = root.getConfig(PATH);
    return new GateSettings(c.getDuration("stale-after"), c.getDuration("refresh-interval"));
  }
}
