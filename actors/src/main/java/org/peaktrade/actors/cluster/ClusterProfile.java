package org.peaktrade.actors.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/**
 * The cluster settings ({@code peaktrade-cluster.conf}): the cluster provider, Artery's canonical address, the
 * split-brain resolver (keep-majority) and the sharding stores. Nodes of one cluster run actor systems named
 * {@link #SYSTEM_NAME}, and a seed node's address is {@code pekko://peak-trade@HOST:PORT}.
 */
public final class ClusterProfile {
  public static final String ENABLED = "peaktrade.cluster.enabled";
  public static final String JOIN = "peaktrade.cluster.join";
  public static final String CONFIG_RESOURCE = "peaktrade-cluster.conf";
  public static final String SYSTEM_NAME = "peak-trade";
  public static final String HOSTNAME = "pekko.remote.artery.canonical.hostname";
  public static final String PORT = "pekko.remote.artery.canonical.port";
  public static final String SEED_NODES = "pekko.cluster.seed-nodes";

  private ClusterProfile() {}

  /** The profile, unresolved, to put under an application's own configuration. */
  public static Config config() {
    return ConfigFactory.parseResources(ClusterProfile.class.getClassLoader(), CONFIG_RESOURCE);
  }

  /** The address of a seed node at {@code host:port}. */
  public static String seedNode(String hostAndPort) {
    return "pekko://" + SYSTEM_NAME + "@" + hostAndPort;
  }
}
