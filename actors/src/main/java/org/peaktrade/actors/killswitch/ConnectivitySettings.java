package org.peaktrade.actors.killswitch;

import com.typesafe.config.Config;
import java.time.Duration;
import org.peaktrade.protocol.killswitch.KillSwitchScope;

/**
 * Settings of the {@link ExchangeConnectivityMonitor}, under {@code peaktrade.kill-switch.connectivity}: probe every
 * {@code check-interval}; {@code failures-to-trigger} failed checks in a row kill {@code scope}. A probe still
 * unanswered at the next check counts as failed.
 */
public record ConnectivitySettings(Duration checkInterval, int failuresToTrigger, KillSwitchScope scope) {
  public static final String PATH = "peaktrade.kill-switch.connectivity";

  public ConnectivitySettings {
    if (checkInterval.isNegative() || checkInterval.isZero()) {
      throw new IllegalArgumentException(PATH + ".check-interval must be positive: " + checkInterval);
    }
    if (failuresToTrigger < 1) {
      throw new IllegalArgumentException(PATH + ".failures-to-trigger must be at least 1: " + failuresToTrigger);
    }
  }

  public static ConnectivitySettings fromConfig(Config root) {
    Config c = root.getConfig(PATH);
    KillSwitchScope scope;
    try {
      scope = new KillSwitchScope(c.getString("scope"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(PATH + ".scope: " + e.getMessage(), e);
    }
    return new ConnectivitySettings(c.getDuration("check-interval"), c.getInt("failures-to-trigger"), scope);
  }
}
