package org.peaktrade.actors.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.peaktrade.protocol.cluster.ClusterMode;
import org.peaktrade.protocol.cluster.ClusterView;
import org.peaktrade.protocol.cluster.MemberView;

/**
 * Builds the operator view of the cluster from plain values, without Pekko: a member's counts are what its shard
 * region answered (null when it did not); the total adds up every region that answered. The counts are complete only
 * when the statistics arrived, no region reported shards that did not answer, and every Up member (where sharding
 * runs) has a region in the answer; otherwise the view still shows the membership and whatever counts there are.
 */
public final class ClusterViewBuilder {

  /** The status of a member that hosts a shard region. */
  static final String UP = "Up";

  private ClusterViewBuilder() {}

  /** The view of a cluster member. */
  public static ClusterView cluster(Membership membership, ShardStats stats) {
    Map<String, ShardStats.Region> regions = stats instanceof ShardStats.Answered answered
        ? answered.regions() : Map.of();
    List<MemberView> members = new ArrayList<>();
    boolean everyUpMemberAnswered = true;
    for (Membership.Member member : membership.members()) {
      ShardStats.Region region = regions.get(member.address());
      everyUpMemberAnswered &= region != null || !member.status().equals(UP);
      members.add(new MemberView(member.address(), member.status(), member.roles(),
          !membership.unreachable().contains(member.address()), member.upNumber().orElse(null),
          region == null ? null : region.shards(), region == null ? null : region.sessions()));
    }
    List<String> failedRegions = regions.entrySet().stream().filter(region -> region.getValue().failed())
        .map(Map.Entry::getKey).sorted().toList();
    int sessionsTotal = regions.values().stream().mapToInt(ShardStats.Region::sessions).sum();
    boolean complete = stats instanceof ShardStats.Answered && failedRegions.isEmpty() && everyUpMemberAnswered;
    return new ClusterView(ClusterMode.CLUSTER, membership.self(), membership.leader().orElse(null), members,
        membership.unreachable().stream().sorted().toList(), sessionsTotal, complete, failedRegions);
  }

  /**
   * The view of a node that runs alone: one Up member, reachable, no shards, with the sessions its session service
   * knows (stopped ones included); without a count (the service did not answer in time) they are null and the view
   * is incomplete.
   */
  public static ClusterView singleNode(String self, Optional<Integer> sessions) {
    MemberView member = new MemberView(self, UP, List.of(), true, 1, 0, sessions.orElse(null));
    return new ClusterView(ClusterMode.SINGLE_NODE, self, null, List.of(member), List.of(), sessions.orElse(0),
        sessions.isPresent(), List.of());
  }
}
