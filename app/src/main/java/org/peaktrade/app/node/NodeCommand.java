package org.peaktrade.app.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.peaktrade.actors.marketdata.ReplayFileRefused;
import org.peaktrade.app.ExitCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs a node in the foreground until Ctrl-C or SIGTERM, which shut it down cleanly (CoordinatedShutdown). */
@Command(name = "node", mixinStandardHelpOptions = true,
    description = {"Run a Peak Trade node: the kill switch (persisted in an embedded journal under the data dir, or "
        + "in Cassandra with config/persistence-cassandra.conf) and the HTTP control API. Ctrl-C or SIGTERM stops "
        + "it cleanly."},
    footer = {"%nExample (local demo; config/local.conf holds a DEMO approval-code hash):",
        "  peak-trade node --config config/local.conf --data-dir data/node",
        "The same on a local Cassandra (see docs/deployment.md):",
        "  peak-trade node --config config/local.conf --config config/persistence-cassandra.conf",
        "A member of a local three-node cluster on that Cassandra (one per terminal, see docs/deployment.md):",
        "  peak-trade node --config config/local.conf --config config/persistence-cassandra.conf --cluster \\",
        "      --contact-point 127.0.0.1:8558 --contact-point 127.0.0.1:8559 --contact-point 127.0.0.1:8560 \\",
        "      --remote-port 25521 --http-port 8081 --management-port 8559 --data-dir data/node2"})
public final class NodeCommand implements Callable<Integer> {

  /** Created first, so logging is set up before the actor system's threads start logging. */
  private static final String MANAGEMENT_PORT = "pekko.management.http.port";

  private static final Logger LOG = LoggerFactory.getLogger(NodeCommand.class);

  @Option(names = "--config", paramLabel = "FILE",
      description = "HOCON file layered over the bundled defaults; repeatable, a later file wins.")
  List<Path> configs;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Overrides peaktrade.data-dir (journal files).")
  Path dataDir;

  @Option(names = "--http-port", paramLabel = "N", description = "Overrides peaktrade.http.port (default 8080).")
  Integer httpPort;

  @Option(names = "--management-port", paramLabel = "N",
      description = "Overrides pekko.management.http.port, where /ready and /alive are served (default 8558).")
  Integer managementPort;

  @Option(names = "--http-host", paramLabel = "H", description = "Overrides peaktrade.http.host (default 127.0.0.1).")
  String httpHost;

  @Option(names = "--cluster",
      description = "Join or form a Pekko Cluster (peaktrade.cluster.enabled); needs a shared journal such as "
          + "config/persistence-cassandra.conf. See docs/deployment.md.")
  boolean cluster;

  @Option(names = "--contact-point", paramLabel = "HOST:PORT",
      description = "The management endpoint (--management-port) of a member, this one included; repeatable, the "
          + "same list on every member. Members join through Cluster Bootstrap: a new cluster is formed only when "
          + "all contact points answer, so a restarted member never forms a second one. See docs/deployment.md.")
  List<String> contactPoints;

  @Option(names = "--seed", paramLabel = "HOST:PORT",
      description = "A seed node's remoting address (pekko.cluster.seed-nodes); repeatable. The first seed forms "
          + "the cluster when no other answers, also when restarted next to a running cluster: prefer "
          + "--contact-point.")
  List<String> seeds;

  @Option(names = "--remote-port", paramLabel = "N",
      description = "This node's cluster port (pekko.remote.artery.canonical.port, default 25520).")
  Integer remotePort;

  @Option(names = "--remote-host", paramLabel = "H",
      description = "The host other members reach this node at (pekko.remote.artery.canonical.hostname, "
          + "default 127.0.0.1).")
  String remoteHost;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (httpPort != null && (httpPort < 0 || httpPort > 65535)) {
      throw new IllegalArgumentException("--http-port must be from 0 to 65535, not " + httpPort);
    }
    if (managementPort != null && (managementPort < 0 || managementPort > 65535)) {
      throw new IllegalArgumentException("--management-port must be from 0 to 65535, not " + managementPort);
    }
    LOG.info("starting node");
    Node node;
    Config loaded;
    try {
      ClusterOptions clusterOptions = new ClusterOptions(cluster, Objects.requireNonNullElse(seeds, List.of()),
          Optional.ofNullable(remoteHost), Optional.ofNullable(remotePort),
          Objects.requireNonNullElse(contactPoints, List.of()));
      loaded = NodeConfig.load(Objects.requireNonNullElse(configs, List.of()), Optional.ofNullable(dataDir),
          Optional.ofNullable(httpHost), Optional.ofNullable(httpPort), clusterOptions);
      if (managementPort != null) {
        loaded = ConfigFactory.parseMap(Map.of(MANAGEMENT_PORT, managementPort)).withFallback(loaded);
      }
      node = Node.start(loaded, Clock.systemUTC());
    } catch (NodeConfigException | ConfigException e) {
      err.println("peak-trade: invalid node configuration: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (ReplayFileRefused e) {
      err.println("peak-trade: the node did not start: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    } catch (IllegalStateException e) {
      err.println("peak-trade: " + e.getMessage());
      return ExitCodes.FAILED;
    }
    out.println("Peak Trade node running");
    node.safetyWarnings().forEach(warning -> out.println("  WARNING:       safety control off: " + warning.message()));
    out.println("  dashboard:     " + node.url() + "/dashboard/");
    out.println("  API:           " + node.url() + "/api/v1/sessions, " + node.url() + "/api/v1/kill-switch"
        + " (docs/api.md)");
    out.println("  metrics:       " + node.url() + "/metrics");
    out.println("  data dir:      " + node.dataDir());
    node.adminTokenFile().ifPresent(file -> out.println("  admin token:   " + file + (node.adminTokenCreated()
        ? " (created now, readable by you only; the CLI reads it from there or from PEAKTRADE_TOKEN)" : "")));
    out.println("  journal:       " + NodeConfig.describeJournal(loaded));
    out.println("  cluster:       " + node.cluster());
    out.println("  market data:   " + node.marketData());
    out.println("  health checks: " + String.join(", ", node.healthChecks()) + " (must pass before a recovery completes)");
    out.println("  health:        " + node.managementUrl() + "/ready, " + node.managementUrl() + "/alive");
    node.approvalCodeFile().ifPresent(file -> out.println("  approval code: " + file
        + " (made on the first start; a recovery needs it: PEAKTRADE_APPROVAL_CODE=$(cat " + file + "))"));
    if (node.demoSessions().isEmpty()) {
      out.println("  sessions:      none configured (start one: peak-trade sessions start --help)");
    } else {
      out.println("  sessions:      " + node.demoSessions().size() + " demo sessions (peak-trade sessions list):");
      node.demoSessions().forEach(view -> out.println("    " + view.spec().id() + "  " + view.spec().mode() + "  "
          + view.spec().strategy() + " on " + view.spec().symbol().value() + "  " + view.status()));
    }
    out.println("Ctrl-C or SIGTERM stops the node.");
    out.flush();
    node.awaitTermination();
    return ExitCodes.OK;
  }
}
