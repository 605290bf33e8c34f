package org.peaktrade.actors.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.peaktrade.actors.cluster.Membership.Member;
import org.peaktrade.actors.cluster.ShardStats.Region;
import org.peaktrade.protocol.cluster.ClusterMode;
import org.peaktrade.protocol.cluster.ClusterView;
import org.peaktrade.protocol.cluster.MemberView;

/** The operator view of the cluster built from membership and shard statistics as plain values. */
class ClusterViewBuilderTest {
  private static final String A = "pekko://peak-trade@10.0.0.1:25520";
  private static final String B = "pekko://peak-trade@10.0.0.2:25520";
  private static final String C = "pekko://peak-trade@10.0.0.3:25520";
  private static final List<String> DC = List.of("dc-default");

  private static Member up(String address, int upNumber) {
    return new Member(address, "Up", DC, Optional.of(upNumber));
  }

  private static Membership threeUpMembers(Set<String> unreachable) {
    return new Membership(B, Optional.of(A), List.of(up(A, 1), up(B, 2), up(C, 3)), unreachable);
  }

  @Test
  void answersWithEveryMemberAndItsSessions() {
    ShardStats stats = new ShardStats.Answered(Map.of(A, new Region(34, 12, false), B, new Region(33, 13, false),
        C, new Region(33, 11, false)));

    ClusterView view = ClusterViewBuilder.cluster(threeUpMembers(Set.of()), stats);

    assertThat(view).isEqualTo(new ClusterView(ClusterMode.CLUSTER, B, A, List.of(
        new MemberView(A, "Up", DC, true, 1, 34, 12),
        new MemberView(B, "Up", DC, true, 2, 33, 13),
        new MemberView(C, "Up", DC, true, 3, 33, 11)), List.of(), 36, true, List.of()));
  }

  @Test
  void marksTheMembersSomeMemberCannotReachAndListsThem() {
    ShardStats stats = new ShardStats.Answered(Map.of(A, new Region(50, 20, false), B, new Region(50, 16, false)));

    ClusterView view = ClusterViewBuilder.cluster(threeUpMembers(Set.of(C)), stats);

    assertThat(view.members()).extracting(MemberView::address, MemberView::reachable)
        .containsExactly(tuple(A, true), tuple(B, true), tuple(C, false));
    assertThat(view.unreachable()).containsExactly(C);
  }

  @Test
  void withoutStatisticsShowsTheMembershipWithoutCountsAndSaysTheyAreIncomplete() {
    ClusterView view = ClusterViewBuilder.cluster(threeUpMembers(Set.of(C)), new ShardStats.Unanswered("timeout"));

    assertThat(view).isEqualTo(new ClusterView(ClusterMode.CLUSTER, B, A, List.of(
        new MemberView(A, "Up", DC, true, 1, null, null),
        new MemberView(B, "Up", DC, true, 2, null, null),
        new MemberView(C, "Up", DC, false, 3, null, null)), List.of(C), 0, false, List.of()));
  }

  @Test
  void anUpMemberWithoutARegionInTheAnswerMakesTheCountsIncompleteAndTheTotalIsWhatAnswered() {
    ShardStats stats = new ShardStats.Answered(Map.of(A, new Region(50, 20, false), B, new Region(50, 16, false)));

    ClusterView view = ClusterViewBuilder.cluster(threeUpMembers(Set.of()), stats);

    assertThat(view.shardStatsComplete()).isFalse();
    assertThat(view.sessionsTotal()).isEqualTo(36);
    assertThat(view.members().get(2)).isEqualTo(new MemberView(C, "Up", DC, true, 3, null, null));
  }

  @Test
  void membersThatAreNotUpNeedNoRegionAndHaveNoUpNumberBeforeTheyWereUp() {
    Member joining = new Member(C, "Joining", DC, Optional.empty());
    Member leaving = new Member(B, "Leaving", DC, Optional.of(2));
    Membership membership = new Membership(A, Optional.of(A), List.of(up(A, 1), leaving, joining), Set.of());
    ShardStats stats = new ShardStats.Answered(Map.of(A, new Region(100, 9, false)));

    ClusterView view = ClusterViewBuilder.cluster(membership, stats);

    assertThat(view.shardStatsComplete()).isTrue();
    assertThat(view.members()).containsExactly(
        new MemberView(A, "Up", DC, true, 1, 100, 9),
        new MemberView(B, "Leaving", DC, true, 2, null, null),
        new MemberView(C, "Joining", DC, true, null, null, null));
  }

  @Test
  void aRegionWhoseShardsDidNotAllAnswerIsNamedAndMakesTheCountsIncomplete() {
    ShardStats stats = new ShardStats.Answered(Map.of(A, new Region(34, 12, false), B, new Region(30, 10, true),
        C, new Region(33, 11, false)));

    ClusterView view = ClusterViewBuilder.cluster(threeUpMembers(Set.of()), stats);

    assertThat(view.failedRegions()).containsExactly(B);
    assertThat(view.shardStatsComplete()).isFalse();
    assertThat(view.sessionsTotal()).isEqualTo(33);
  }

  @Test
  void aClusterWithoutALeaderHasNone() {
    Membership membership = new Membership(A, Optional.empty(), List.of(up(A, 1)), Set.of());

    ClusterView view = ClusterViewBuilder.cluster(membership, new ShardStats.Answered(Map.of(A,
        new Region(0, 0, false))));

    assertThat(view.leader()).isNull();
  }

  @Test
  void aNodeAloneIsItsOnlyUpMemberWithTheSessionsItKnows() {
    ClusterView view = ClusterViewBuilder.singleNode("pekko://peak-trade", Optional.of(4));

    assertThat(view).isEqualTo(new ClusterView(ClusterMode.SINGLE_NODE, "pekko://peak-trade", null,
        List.of(new MemberView("pekko://peak-trade", "Up", List.of(), true, 1, 0, 4)), List.of(), 4, true,
        List.of()));
  }

  @Test
  void aNodeAloneWhoseSessionsDidNotAnswerShowsNoCountAndSaysSo() {
    ClusterView view = ClusterViewBuilder.singleNode("pekko://peak-trade", Optional.empty());

    assertThat(view.members()).containsExactly(
        new MemberView("pekko://peak-trade", "Up", List.of(), true, 1, 0, null));
    assertThat(view.sessionsTotal()).isZero();
    assertThat(view.shardStatsComplete()).isFalse();
  }
}
