package org.peaktrade.actors.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;

/**
 * Settings of the operator view of the cluster ({@link ClusterViewService}), from {@code peaktrade.cluster} (defaults
 * and comments in this module's reference.conf): {@code stats-timeout}, how long the view waits for the session
 * counts (Cluster Sharding's statistics, or a single node's sessions) before it answers with what it has.
 */
public record ClusterViewSettings(Duration statsTimeout) {

  public static final String STATS_TIMEOUT = "peaktrade.cluster.stats-timeout";

  public ClusterViewSettings {
    if (statsTimeout.isNegative() || statsTimeout.isZero()) {
      throw new ConfigException.BadValue(STATS_TIMEOUT, "must be positive, not " + statsTimeout);
    }
  }

  public static ClusterViewSettings fromConfig(Config config) {
    return new ClusterViewSettings(config.getDuration(STATS_TIMEOUT));
  }
}
