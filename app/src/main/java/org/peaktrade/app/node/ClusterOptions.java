package org.peaktrade.app.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.peaktrade.actors.cluster.ClusterProfile;

/**
 * The cluster options of {@code peak-trade node}: {@code --cluster} turns cluster mode on, {@code --contact-point
 * HOST:PORT} (repeatable) names the management endpoint of every member, this one included, for Cluster Bootstrap
 * ({@link ContactPoints}), {@code --seed HOST:PORT} (repeatable) the seed nodes instead, {@code --remote-host}/{@code
 * --remote-port} this node's canonical address. Absent options leave the configuration alone.
 */
public record ClusterOptions(boolean cluster, List<String> seeds, Optional<String> remoteHost,
    Optional<Integer> remotePort, List<String> contactPoints) {
  public static final ClusterOptions NONE = new ClusterOptions(false, List.of(), Optional.empty(), Optional.empty());
  private static final Pattern HOST_PORT = Pattern.compile("[^\\s:/@]+:\\d{1,5}");

  /** Throws {@link IllegalArgumentException} naming the option when a seed, contact point or port is malformed. */
  public ClusterOptions {
    seeds = List.copyOf(seeds);
    contactPoints = List.copyOf(contactPoints);
    for (String seed : seeds) {
      if (!HOST_PORT.matcher(seed).matches()) {
        throw new IllegalArgumentException("--seed must be HOST:PORT (e.g. 127.0.0.1:25520), not '" + seed + "'");
      }
    }
    for (String contactPoint : contactPoints) {
      if (!HOST_PORT.matcher(contactPoint).matches()) {
        throw new IllegalArgumentException("--contact-point must be HOST:PORT of a member's management endpoint "
            + "(e.g. 127.0.0.1:8558), not '" + contactPoint + "'");
      }
    }
    if (!seeds.isEmpty() && !contactPoints.isEmpty()) {
      throw new IllegalArgumentException("--seed and --contact-point exclude each other: members join either "
          + "through seed nodes or through Cluster Bootstrap on their contact points (docs/deployment.md)");
    }
    if (remotePort.isPresent() && (remotePort.get() < 0 || remotePort.get() > 65535)) {
      throw new IllegalArgumentException("--remote-port must be from 0 to 65535, not " + remotePort.get());
    }
  }

  /** Without contact points. */
  public ClusterOptions(boolean cluster, List<String> seeds, Optional<String> remoteHost,
      Optional<Integer> remotePort) {
    this(cluster, seeds, remoteHost, remotePort, List.of());
  }

  Config overrides() {
    Config config = ConfigFactory.empty();
    if (cluster) {
      config = config.withValue(ClusterProfile.ENABLED, ConfigValueFactory.fromAnyRef(true));
    }
    if (!seeds.isEmpty()) {
      config = config.withValue(ClusterProfile.SEED_NODES,
          ConfigValueFactory.fromIterable(seeds.stream().map(ClusterProfile::seedNode).toList()));
    }
    if (!contactPoints.isEmpty()) {
      config = ContactPoints.overrides(contactPoints).withFallback(config);
    }
    if (remoteHost.isPresent()) {
      config = config.withValue(ClusterProfile.HOSTNAME, ConfigValueFactory.fromAnyRef(remoteHost.get()));
    }
    if (remotePort.isPresent()) {
      config = config.withValue(ClusterProfile.PORT, ConfigValueFactory.fromAnyRef(remotePort.get()));
    }
    return config;
  }
}
