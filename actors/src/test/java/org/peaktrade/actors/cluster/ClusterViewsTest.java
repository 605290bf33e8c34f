package org.peaktrade.actors.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.actors.cluster.InJvmClusterNode.await;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.actors.fixtures.Polling;
import org.peaktrade.engine.data.LoadOptions;
import org.peaktrade.engine.data.MarketDataFiles;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.cluster.ClusterMode;
import org.peaktrade.protocol.cluster.ClusterView;
import org.peaktrade.protocol.session.SessionMode;
import org.peaktrade.protocol.session.SessionSpec;
import org.peaktrade.protocol.session.SessionView;

/**
 * The operator view read from a real one-member cluster (the cluster profile on a loopback port, its own seed, the
 * sharded sessions on an SQLite journal): the member names itself, Up and leader, and counts the sessions it hosts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterViewsTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir
  static Path dataDir;

  private InJvmClusterNode node;

  @BeforeAll
  void startOneMember() throws Exception {
    List<Bar> bars = MarketDataFiles.load(Bars.demoData().resolve("btc-perp-1m-2022-01.csv"), LoadOptions.defaults())
        .bars().subList(0, 50);
    int port = InJvmClusterNode.freePorts(1).get(0);
    node = InJvmClusterNode.start("cluster-view-" + System.nanoTime(), dataDir, port, port, bars,
        Duration.ofMillis(50), "peaktrade.sessions.instruments.\"BTC/USD\".tick-size = 0.001",
        "pekko.loglevel = WARNING");
    Polling.until("the member is up", WAIT, () -> node.upMembers() == 1);
  }

  @AfterAll
  void stopMember() throws Exception {
    node.close();
  }

  @Test
  void namesItselfTheUpLeaderAndCountsTheSessionsItHosts() throws Exception {
    await(node.sessions.start(spec("view-1")));
    await(node.sessions.start(spec("view-2")));
    ClusterViews views = new ClusterViews(node.system, new ClusterViewSettings(Duration.ofSeconds(3)));

    ClusterView view = Polling.until("a complete view with both sessions", WAIT, () -> await(views.view()),
        answer -> answer.shardStatsComplete() && answer.sessionsTotal() == 2);

    String self = node.system.address().toString();
    assertThat(view.mode()).isEqualTo(ClusterMode.CLUSTER);
    assertThat(view.self()).isEqualTo(self);
    assertThat(view.leader()).isEqualTo(self);
    assertThat(view.unreachable()).isEmpty();
    assertThat(view.failedRegions()).isEmpty();
    assertThat(view.members()).singleElement().satisfies(member -> {
      assertThat(member.address()).isEqualTo(self);
      assertThat(member.status()).isEqualTo("Up");
      assertThat(member.roles()).contains("dc-default");
      assertThat(member.reachable()).isTrue();
      assertThat(member.upNumber()).isEqualTo(1);
      assertThat(member.sessions()).isEqualTo(2);
      assertThat(member.shards()).isBetween(1, 2);
    });
    assertThat(await(node.sessions.list())).extracting(SessionView::member).containsOnly(self);
  }

  private static SessionSpec spec(String id) {
    return new SessionSpec(id, "ma-cross", Map.of("fast", "5", "slow", "15"), Bars.BTC, SessionMode.SHADOW,
        "equity-pct:95", "default", new BigDecimal("10000"), new BigDecimal("10"), new BigDecimal("2"));
  }
}
