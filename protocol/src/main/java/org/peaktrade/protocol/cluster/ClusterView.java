package org.peaktrade.protocol.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The cluster as the answering node sees it, for operators ({@code GET /api/v1/cluster}). Membership ({@code self},
 * {@code leader}, {@code members}, {@code unreachable}) is this node's own view of the cluster state, so it is there
 * even while singletons move; the counts come from Cluster Sharding's statistics, asked with a short timeout.
 * {@code leader} is null when there is none. {@code unreachable} lists the addresses some member cannot reach.
 * {@code sessionsTotal} adds up the sessions of every region that answered. {@code shardStatsComplete} is false when
 * the statistics did not arrive in time, a region reported shards that did not answer ({@code failedRegions}, left
 * out when empty), or an Up member has no region in the answer: the counts are then what answered.
 */
public record ClusterView(ClusterMode mode, String self, String leader, List<MemberView> members,
    List<String> unreachable, int sessionsTotal, boolean shardStatsComplete,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> failedRegions) {

  public ClusterView {
    members = List.copyOf(members);
    unreachable = List.copyOf(unreachable);
    failedRegions = List.copyOf(failedRegions);
  }
}
