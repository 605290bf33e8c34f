package org.peaktrade.actors.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;

/**
 * Settings of the cluster's replicated session views ({@link SessionViewBoard}), from
 * {@code peaktrade.cluster.session-views} (defaults and comments in this module's reference.conf):
 * {@code publish-interval}, how often every session entity publishes its view to every member, and {@code view-wait},
 * how long a read of a session's view (the list, one session's status) waits for the entity before it answers with
 * the last view published or seen, marked unreachable.
 */
public record SessionViewSettings(Duration publishInterval, Duration viewWait) {
  public static final String PATH = "peaktrade.cluster.session-views";

  public SessionViewSettings {
    requirePositive(publishInterval, "publish-interval");
    requirePositive(viewWait, "view-wait");
  }

  private static void requirePositive(Duration value, String key) {
    if (value.isNegative() || value.isZero()) {
      throw new ConfigException.BadValue(PATH + "." + key, "must be positive, not " + value);
    }
  }

  public static SessionViewSettings fromConfig(Config root) {
    Config c = root.getConfig(PATH);
    return new SessionViewSettings(c.getDuration("publish-interval"), c.getDuration("view-wait"));
  }
}
