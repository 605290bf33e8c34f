package org.peaktrade.app.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValueFactory;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.management.cluster.bootstrap.ClusterBootstrap;
import org.peaktrade.app.health.SafetyWarning;
import org.peaktrade.actors.cluster.ClusterProfile;
import org.peaktrade.actors.cluster.ClusterViewService;
import org.peaktrade.actors.cluster.ClusterSettings;
import org.peaktrade.actors.cluster.ClusterSettings.Join;
import org.peaktrade.actors.cluster.ClusterViews;
import org.peaktrade.actors.cluster.Membership;
import org.peaktrade.actors.cluster.ShardedKillSwitches;
import org.peaktrade.actors.cluster.ShardedSessions;
import org.peaktrade.actors.cluster.SingleNodeClusterView;
import org.peaktrade.actors.killswitch.EmbeddedJournal;
import org.peaktrade.actors.killswitch.KillSwitchEntities;
import org.peaktrade.actors.session.SessionDependencies;
import org.peaktrade.actors.session.SessionRuntime;
import org.peaktrade.actors.session.SessionService;

/**
 * Single node or cluster member ({@code peaktrade.cluster.enabled}): where the kill-switch entities and the sessions
 * live (on this node, or sharded over the cluster), how a member joins ({@code peaktrade.cluster.join}: the seed
 * nodes, or Cluster Bootstrap through service discovery), and, for a member, waiting until it has joined before
 * anything asks the cluster singletons; and the operator view of the cluster ({@link ClusterViewService}). A cluster
 * on the embedded journal under the data dir is refused: every member needs the same journal
 * (config/persistence-cassandra.conf).
 */
final class ClusterWiring {
  static final String BOOTSTRAP_ROUTE = "pekko.management.http.routes.cluster-bootstrap";
  static final String BOOTSTRAP_DISCOVERY = "pekko.management.cluster.bootstrap.contact-point-discovery";
  private static final String BOOTSTRAP_ROUTE_PROVIDER =
      "org.apache.pekko.management.cluster.bootstrap.ClusterBootstrap$";

  private final ClusterSettings settings;

  private ClusterWiring(ClusterSettings settings) {
    this.settings = settings;
  }

  /** Reads {@link ClusterSettings} and checks them against Pekko's settings: the provider, the journal, discovery. */
  static ClusterWiring fromConfig(Config config) {
    try {
      ClusterSettings settings = ClusterSettings.fromConfig(config);
      if (settings.enabled() && EmbeddedJournal.isConfigured(config) && EmbeddedJournal.isUnderDataDir(config)) {
        throw new NodeConfigException(ClusterProfile.ENABLED + " = true needs a journal every member shares, not the "
            + "embedded SQLite file under the data dir: add --config config/persistence-cassandra.conf", null);
      }
      if (settings.enabled() && !"cluster".equals(config.getString("pekko.actor.provider"))) {
        throw new NodeConfigException(ClusterProfile.ENABLED + " = true but pekko.actor.provider is '"
            + config.getString("pekko.actor.provider") + "', not 'cluster'", null);
      }
      if (settings.enabled() && settings.join() == Join.BOOTSTRAP) {
        checkBootstrap(config);
      }
      return new ClusterWiring(settings);
    } catch (ConfigException | IllegalArgumentException e) {
      throw new NodeConfigException(e.getMessage(), e);
    }
  }

  private static void checkBootstrap(Config config) {
    List<String> seeds = config.getStringList(ClusterProfile.SEED_NODES);
    if (!seeds.isEmpty()) {
      throw new ConfigException.BadValue(ClusterProfile.SEED_NODES, "must be empty when " + ClusterProfile.JOIN
          + " = bootstrap (Cluster Bootstrap finds the members), not " + seeds);
    }
    String serviceName = config.getString(BOOTSTRAP_DISCOVERY + ".service-name");
    if (serviceName.isBlank() || serviceName.startsWith("<")) {
      throw new ConfigException.BadValue(BOOTSTRAP_DISCOVERY + ".service-name",
          "must name the service whose members form the cluster when " + ClusterProfile.JOIN + " = bootstrap");
    }
    int required = config.getInt(BOOTSTRAP_DISCOVERY + ".required-contact-point-nr");
    if (required < 1) {
      throw new ConfigException.BadValue(BOOTSTRAP_DISCOVERY + ".required-contact-point-nr",
          "must be at least 1, not " + required);
    }
    ContactPoints.checkSelfIncluded(config);
  }

  /**
   * The actor system's configuration: Cluster Bootstrap's management route ({@code /bootstrap/seed-nodes}) only on a
   * member that joins through it, so no other node serves an endpoint that cannot answer.
   */
  Config systemConfig(Config config) {
    String route = joinsThroughBootstrap() ? BOOTSTRAP_ROUTE_PROVIDER : "";
    return config.withValue(BOOTSTRAP_ROUTE, ConfigValueFactory.fromAnyRef(route));
  }

  /** Whether the management endpoints must be up before the member can join (Cluster Bootstrap probes them). */
  boolean joinsThroughBootstrap() {
    return settings.enabled() && settings.join() == Join.BOOTSTRAP;
  }

  /** Starts Cluster Bootstrap on a member that joins through it; a no-op otherwise. Needs Pekko Management started. */
  void startJoining(ActorSystem<?> system) {
    if (joinsThroughBootstrap()) {
      ClusterBootstrap.get(system.classicSystem()).start();
    }
  }

  boolean enabled() {
    return settings.enabled();
  }

  /**
   * A member joining through seed nodes can split the cluster: the first seed forms a cluster of its own whenever
   * no other seed answers within {@code pekko.cluster.seed-node-timeout}, also when it is restarted next to a running
   * cluster. Contact points (Cluster Bootstrap) cannot.
   */
  List<SafetyWarning> safetyWarnings() {
    if (!settings.enabled() || settings.join() != Join.SEED_NODES) {
      return List.of();
    }
    return List.of(new SafetyWarning("seed-nodes-can-split", ClusterProfile.JOIN + " = seed-nodes",
        "the first seed forms a second cluster of its own when it starts and no other seed answers (a restarted "
            + "seed next to a running cluster): join with --contact-point instead (docs/deployment.md)"));
  }

  KillSwitchEntities.Home killSwitchHome() {
    return settings.enabled() ? ShardedKillSwitches.home() : KillSwitchEntities.local();
  }

  SessionService sessions(ActorSystem<?> system, SessionDependencies deps) {
    return settings.enabled() ? ShardedSessions.start(system, deps) : SessionRuntime.start(system, deps);
  }

  /** The operator view: read from Pekko Cluster on a member, the node itself with {@code sessions}' count alone. */
  ClusterViewService clusterView(ActorSystem<?> system, SessionService sessions) {
    return settings.enabled() ? new ClusterViews(system, settings.view())
        : new SingleNodeClusterView(system, sessions, settings.view());
  }

  /** On a member, the statuses of the cluster's members as it sees them (a read of its local cluster state). */
  Optional<Supplier<List<String>>> memberStatuses(ActorSystem<?> system) {
    if (!settings.enabled()) {
      return Optional.empty();
    }
    org.apache.pekko.cluster.Cluster cluster = org.apache.pekko.cluster.Cluster.get(system.classicSystem());
    return Optional.of(() -> Membership.of(cluster.state(), cluster.selfAddress()).members().stream()
        .map(Membership.Member::status).toList());
  }

  /** Blocks until this member is Up; throws {@link IllegalStateException} after the join timeout. */
  void awaitMembership(ActorSystem<?> system) {
    if (!settings.enabled()) {
      return;
    }
    CompletableFuture<Void> up = new CompletableFuture<>();
    org.apache.pekko.cluster.Cluster.get(system.classicSystem()).registerOnMemberUp(() -> up.complete(null));
    try {
      up.get(settings.joinTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("did not join the cluster within " + settings.joinTimeout() + " ("
          + ClusterSettings.JOIN_TIMEOUT + "); " + howItJoins(system.settings().config()) + ", this node: "
          + Cluster.get(system).selfMember().address(), e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("joining the cluster failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while joining the cluster", e);
    }
  }

  /** For the startup banner: this member's address and its seed nodes, or that the node runs alone. */
  static String describe(ActorSystem<?> system) {
    Config config = system.settings().config();
    if (!config.getBoolean(ClusterProfile.ENABLED)) {
      return "single node (peaktrade.cluster.enabled = false)";
    }
    return "member " + Cluster.get(system).selfMember().address() + ", " + howItJoins(config);
  }

  private static String howItJoins(Config config) {
    if (Join.parse(config.getString(ClusterProfile.JOIN)) == Join.BOOTSTRAP) {
      return "joined through Cluster Bootstrap (" + config.getString(BOOTSTRAP_DISCOVERY + ".discovery-method")
          + " discovery of service '" + config.getString(BOOTSTRAP_DISCOVERY + ".service-name") + "', "
          + config.getInt(BOOTSTRAP_DISCOVERY + ".required-contact-point-nr") + " contact points required)";
    }
    return "seed nodes " + config.getStringList(ClusterProfile.SEED_NODES);
  }
}
