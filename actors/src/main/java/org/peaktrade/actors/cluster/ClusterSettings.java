package org.peaktrade.actors.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;

/**
 * Whether a node runs alone or as a cluster member, and how: the whole {@code peaktrade.cluster} block (defaults
 * documented in reference.conf; the cluster profile peaktrade-cluster.conf holds Pekko's own settings). Read at start
 * whether or not cluster mode is on, so a bad value fails then with its key path.
 *
 * @param enabled whether the node joins a Pekko Cluster and shards its sessions and kill switches over it
 * @param join how a member finds the others
 * @param joinTimeout how long a starting member waits to become Up before it exits
 * @param view the operator view's settings ({@code stats-timeout})
 * @param writerLease the one-writer fence on Cassandra ({@code writer-lease})
 */
public record ClusterSettings(boolean enabled, Join join, Duration joinTimeout, ClusterViewSettings view,
    WriterLeaseSettings writerLease) {
  public static final String PATH = "peaktrade.cluster";
  public static final String JOIN_TIMEOUT = PATH + ".join-timeout";

  /** How a member finds the others ({@code peaktrade.cluster.join}). */
  public enum Join {
    /** The fixed addresses of {@code pekko.cluster.seed-nodes}. */
    SEED_NODES("seed-nodes"),
    /** Pekko Cluster Bootstrap through service discovery. */
    BOOTSTRAP("bootstrap");

    private final String configValue;

    Join(String configValue) {
      this.configValue = configValue;
    }

    /** Reads {@code seed-nodes} or {@code bootstrap}; anything else fails naming the key. */
    public static Join parse(String value) {
      for (Join join : values()) {
        if (join.configValue.equals(value)) {
          return join;
        }
      }
      throw new ConfigException.BadValue(ClusterProfile.JOIN, "must be seed-nodes or bootstrap, not '" + value + "'");
    }
  }

  public static ClusterSettings fromConfig(Config root) {
    Duration joinTimeout = root.getDuration(JOIN_TIMEOUT);
    if (joinTimeout.isNegative() || joinTimeout.isZero()) {
      throw new ConfigException.BadValue(JOIN_TIMEOUT, "must be positive, not " + joinTimeout);
    }
    return new ClusterSettings(root.getBoolean(ClusterProfile.ENABLED), Join.parse(root.getString(ClusterProfile.JOIN)),
        joinTimeout, ClusterViewSettings.fromConfig(root), WriterLeaseSettings.fromConfig(root));
  }
}
