package org.peaktrade.actors.cluster;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.Cluster;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.GetClusterShardingStats;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.peaktrade.protocol.cluster.ClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator view on a cluster member. Membership comes from this member's own copy of the cluster state (never
 * from a singleton, so it answers during a failover too); the sessions per member from Cluster Sharding's statistics
 * for the session entities ({@link SessionEntity#TYPE_KEY}), which the shard coordinator gathers from every region
 * within the statistics timeout, or answers without (then the view says its counts are incomplete). Talks to: this
 * member's sharding state actor.
 */
public final class ClusterViews implements ClusterViewService {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterViews.class);

  private final ActorSystem<?> system;
  private final Duration statsTimeout;

  public ClusterViews(ActorSystem<?> system, ClusterViewSettings settings) {
    this.system = system;
    this.statsTimeout = settings.statsTimeout();
  }

  @Override
  public CompletionStage<ClusterView> view() {
    return shardStats().thenApply(stats -> {
      Cluster cluster = Cluster.get(system.classicSystem());
      return ClusterViewBuilder.cluster(Membership.of(cluster.state(), cluster.selfAddress()), stats);
    });
  }

  /** The statistics, or {@link ShardStats.Unanswered} once the timeout passed; never a failed stage. */
  private CompletionStage<ShardStats> shardStats() {
    CompletionStage<ShardRegion.ClusterShardingStats> asked;
    try {
      asked = AskPattern.ask(ClusterSharding.get(system).shardState(),
          replyTo -> new GetClusterShardingStats(SessionEntity.TYPE_KEY, statsTimeout, replyTo), statsTimeout,
          system.scheduler());
    } catch (RuntimeException e) {
      asked = CompletableFuture.failedFuture(e);
    }
    return asked.handle((stats, failure) -> {
      if (failure == null) {
        return ShardStats.of(stats);
      }
      LOG.info("cluster view without shard statistics: {}", failure.toString());
      return new ShardStats.Unanswered(failure.toString());
    });
  }
}
