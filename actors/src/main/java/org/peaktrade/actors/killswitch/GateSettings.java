package org.peaktrade.actors.killswitch;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Settings of the node-local kill-switch gate, under {@code peaktrade.kill-switch.gate} (defaults in
 * reference.conf): a view older than {@code stale-after} blocks; every {@code refresh-interval} the gate asks the
 * service for the global switch and for each session whose view is at least {@link #confirmAfter()} old, so a
 * missed push heals and an unchanged view is confirmed before it goes stale.
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

  /**
   * How old a session's view must be before the refresh asks for it again: {@code stale-after} less two refresh
   * intervals (never negative), so an unchanged session is asked about at least twice before its view would go
   * stale, and one lost answer does not block it. With the defaults (5 s, 1 s): every 3 s instead of every second.
   */
  public Duration confirmAfter() {
    Duration confirmAfter = staleAfter.minus(refreshInterval.multipliedBy(2));
    return confirmAfter.isNegative() ? Duration.ZERO : confirmAfter;
  }

  public static GateSettings fromConfig(Config root) {
    Config c = root.getConfig(PATH);
    return new GateSettings(c.getDuration("stale-after"), c.getDuration("refresh-interval"));
  }
}
