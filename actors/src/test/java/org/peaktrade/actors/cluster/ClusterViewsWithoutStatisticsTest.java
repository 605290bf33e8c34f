package org.peaktrade.actors.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.peaktrade.actors.cluster.InJvmClusterNode.await;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peaktrade.actors.fixtures.Polling;
import org.peaktrade.protocol.cluster.ClusterView;
import org.peaktrade.protocol.cluster.MemberView;

/**
 * A one-member cluster whose session shard region never answers (it was never started, as on a member still coming
 * up): the view still names the member, Up and leader, without counts, and says they are incomplete.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterViewsWithoutStatisticsTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final ActorTestKit testKit = ActorTestKit.create("cluster-views-without-statistics",
      ConfigFactory.parseString("""
              pekko.remote.artery.canonical.port = 0
              pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
              pekko.loglevel = WARNING
              """)
          .withFallback(ClusterProfile.config())
          .withFallback(ConfigFactory.load()).resolve());

  @AfterAll
  void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  void answersWithTheMembershipAndSaysTheCountsAreIncomplete() throws Exception {
    Cluster cluster = Cluster.get(testKit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    Polling.until("this member is up", WAIT, () -> cluster.selfMember().status() == MemberStatus.up());

    ClusterView view = await(new ClusterViews(testKit.system(), new ClusterViewSettings(Duration.ofSeconds(1)))
        .view());

    String self = cluster.selfMember().address().toString();
    assertThat(view.self()).isEqualTo(self);
    assertThat(view.leader()).isEqualTo(self);
    assertThat(view.members()).extracting(MemberView::address, MemberView::status, MemberView::shards,
        MemberView::sessions).containsExactly(tuple(self, "Up", null, null));
    assertThat(view.sessionsTotal()).isZero();
    assertThat(view.shardStatsComplete()).isFalse();
  }
}
