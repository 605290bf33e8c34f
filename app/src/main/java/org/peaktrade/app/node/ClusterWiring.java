package org.peaktrade.app.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.peaktrade.actors.cluster.ClusterProfile;
import org.peaktrade.actors.cluster.ShardedKillSwitches;
import org.peaktrade.actors.cluster.ShardedSessions;
import org.peaktrade.actors.killswitch.EmbeddedJournal;
import org.peaktrade.actors.killswitch.KillSwitchEntities;
import org.peaktrade.actors.session.SessionDependencies;
import org.peaktrade.actors.session.SessionRuntime;
import org.peaktrade.actors.session.SessionService;

/**
 * Single node or cluster member ({@code peaktrade.cluster.enabled}): where the kill-switch entities and the sessions
 * live (on this node, or sharded over the cluster), and, for a member, waiting until it has joined before anything
 * asks the cluster singletons. A cluster on the embedded H2 file journal is refused: every member needs the same
 * journal (config/persistence-cassandra.conf).
 */
final class ClusterWiring {
  static final String JOIN_TIMEOUT = "peaktrade.cluster.join-timeout";
  private static final String JOURNAL_URL = "pekko-persistence-jdbc.shared-databases.slick.db.url";

  private final boolean enabled;
  private final Duration joinTimeout;

  private ClusterWiring(boolean enabled, Duration joinTimeout) {
    this.enabled = enabled;
    this.joinTimeout = joinTimeout;
  }

  static ClusterWiring fromConfig(Config config) {
    try {
      boolean enabled = config.getBoolean(ClusterProfile.ENABLED);
      if (enabled && EmbeddedJournal.isConfigured(config) && config.getString(JOURNAL_URL).startsWith("jdbc:h2:file:")) {
        throw new NodeConfigException(ClusterProfile.ENABLED + " = true needs a journal every member shares, not the "
            + "embedded H2 file under the data dir: add --config config/persistence-cassandra.conf", null);
      }
      if (enabled && !"cluster".equals(config.getString("pekko.actor.provider"))) {
        throw new NodeConfigException(ClusterProfile.ENABLED + " = true but pekko.actor.provider is '"
            + config.getString("pekko.actor.provider") + "', not 'cluster'", null);
      }
      return new ClusterWiring(enabled, config.getDuration(JOIN_TIMEOUT));
    } catch (ConfigException e) {
      throw new NodeConfigException(e.getMessage(), e);
    }
  }

  boolean enabled() {
    return enabled;
  }

  KillSwitchEntities.Home killSwitchHome() {
    return enabled ? ShardedKillSwitches.home() : KillSwitchEntities.local();
  }

  SessionService sessions(ActorSystem<?> system, SessionDependencies deps) {
    return enabled ? ShardedSessions.start(system, deps) : SessionRuntime.start(system, deps);
  }

  /** Blocks until this member is Up; throws {@link IllegalStateException} after the join timeout. */
  void awaitMembership(ActorSystem<?> system) {
    if (!enabled) {
      return;
    }
    Cluster cluster = Cluster.get(system);
    Instant deadline = Instant.now().plus(joinTimeout);
    while (cluster.selfMember().status() != MemberStatus.up()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("did not join the cluster within " + joinTimeout + " (" + JOIN_TIMEOUT
            + "); seed nodes: " + seedNodes(system.settings().config()) + ", this node: "
            + cluster.selfMember().address());
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while joining the cluster", e);
      }
    }
  }

  /** For the startup banner: this member's address and its seed nodes, or that the node runs alone. */
  static String describe(ActorSystem<?> system) {
    Config config = system.settings().config();
    if (!config.getBoolean(ClusterProfile.ENABLED)) {
      return "single node (peaktrade.cluster.enabled = false)";
    }
    return "member " + Cluster.get(system).selfMember().address() + ", seed nodes " + seedNodes(config);
  }

  private static List<String> seedNodes(Config config) {
    return config.getStringList(ClusterProfile.SEED_NODES);
  }
}
