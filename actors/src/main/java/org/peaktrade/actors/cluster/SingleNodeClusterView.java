package org.peaktrade.actors.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.peaktrade.actors.session.SessionService;
import org.peaktrade.protocol.cluster.ClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator view on a node that runs alone ({@code peaktrade.cluster.enabled = false}): the node is the one Up
 * member, named by its own address (what its sessions' {@code member} says), and its sessions are those its session
 * service lists, stopped ones included, as a cluster member counts the session entities it hosts. When the list does
 * not arrive within the statistics timeout the view answers without the count.
 */
public final class SingleNodeClusterView implements ClusterViewService {
  private static final Logger LOG = LoggerFactory.getLogger(SingleNodeClusterView.class);

  private final String self;
  private final SessionService sessions;
  private final Duration statsTimeout;

  public SingleNodeClusterView(ActorSystem<?> system, SessionService sessions, ClusterViewSettings settings) {
    this.self = system.address().toString();
    this.sessions = sessions;
    this.statsTimeout = settings.statsTimeout();
  }

  @Override
  public CompletionStage<ClusterView> view() {
    CompletionStage<Integer> count;
    try {
      count = sessions.list().thenApply(List::size);
    } catch (RuntimeException e) {
      count = CompletableFuture.failedFuture(e);
    }
    return count.toCompletableFuture().orTimeout(statsTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .handle((sessionCount, failure) -> {
          if (failure != null) {
            LOG.info("cluster view without the session count: {}", failure.toString());
          }
          return ClusterViewBuilder.singleNode(self, Optional.ofNullable(failure == null ? sessionCount : null));
        });
  }
}
