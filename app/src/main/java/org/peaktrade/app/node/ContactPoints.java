package org.peaktrade.app.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.util.List;
import java.util.Map;
import org.peaktrade.actors.cluster.ClusterProfile;

/**
 * Cluster Bootstrap on a fixed list of contact points ({@code --contact-point HOST:PORT}, the management endpoint of
 * every member): the membership that cannot split for members at known addresses (the local cluster of
 * docs/deployment.md). Every member probes all contact points ({@code GET /bootstrap/seed-nodes}); it joins the
 * cluster any of them reports, and a new cluster is formed only when every contact point answers and none is a
 * member, by the lowest of them. A restarted member, the first one included, therefore joins the running cluster
 * and never forms one of its own; a member that cannot reach the others keeps probing, stays out of the cluster
 * (its {@code /ready} fails) and exits after {@code peaktrade.cluster.join-timeout}.
 */
final class ContactPoints {
  static final String SERVICE = "peak-trade";
  static final String ENDPOINTS = "pekko.discovery.config.services." + SERVICE + ".endpoints";
  /**
   * Off: Cluster Bootstrap otherwise keeps only the contact points on this member's own management port (the
   * fallback port), which on one machine, where the members differ by port, is this member alone.
   */
  static final String FILTER_ON_FALLBACK_PORT =
      "pekko.management.cluster.bootstrap.contact-point.filter-on-fallback-port";
  private static final String MANAGEMENT_HOST = "pekko.management.http.hostname";
  private static final String MANAGEMENT_PORT = "pekko.management.http.port";

  private ContactPoints() {}

  /** The configuration {@code --contact-point} stands for: bootstrap, config discovery, all of them required. */
  static Config overrides(List<String> contactPoints) {
    List<Map<String, Object>> endpoints = contactPoints.stream().map(ContactPoints::endpoint).toList();
    return ConfigFactory.empty()
        .withValue(ClusterProfile.JOIN, ConfigValueFactory.fromAnyRef("bootstrap"))
        .withValue(ClusterWiring.BOOTSTRAP_DISCOVERY + ".discovery-method", ConfigValueFactory.fromAnyRef("config"))
        .withValue(ClusterWiring.BOOTSTRAP_DISCOVERY + ".service-name", ConfigValueFactory.fromAnyRef(SERVICE))
        .withValue(ClusterWiring.BOOTSTRAP_DISCOVERY + ".required-contact-point-nr",
            ConfigValueFactory.fromAnyRef(contactPoints.size()))
        .withValue(ENDPOINTS, ConfigValueFactory.fromIterable(endpoints))
        .withValue(FILTER_ON_FALLBACK_PORT, ConfigValueFactory.fromAnyRef(false));
  }

  /**
   * With config discovery, this member's own management endpoint must be one of the contact points: otherwise it
   * could join a cluster but never take part in forming one, and the others would wait for it for ever.
   */
  static void checkSelfIncluded(Config config) {
    if (!"config".equals(config.getString(ClusterWiring.BOOTSTRAP_DISCOVERY + ".discovery-method"))) {
      return;
    }
    String service = config.getString(ClusterWiring.BOOTSTRAP_DISCOVERY + ".service-name");
    String path = "pekko.discovery.config.services." + service + ".endpoints";
    if (!config.hasPath(path)) {
      throw new ConfigException.Missing(path);
    }
    String self = config.getString(MANAGEMENT_HOST) + ":" + config.getInt(MANAGEMENT_PORT);
    List<String> listed = config.getConfigList(path).stream()
        .map(endpoint -> endpoint.getString("host") + ":" + endpoint.getInt("port")).toList();
    if (!listed.contains(self)) {
      throw new ConfigException.BadValue(path, "must list this member's own management endpoint " + self
          + " (pekko.management.http.hostname:port, --management-port) among the contact points, not only " + listed);
    }
  }

  private static Map<String, Object> endpoint(String hostAndPort) {
    int colon = hostAndPort.lastIndexOf(':');
    return Map.of("host", hostAndPort.substring(0, colon),
        "port", Integer.parseInt(hostAndPort.substring(colon + 1)));
  }
}
