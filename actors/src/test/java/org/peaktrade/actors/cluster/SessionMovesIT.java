package org.peaktrade.actors.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.actors.cluster.InJvmClusterNode.await;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.actors.fixtures.Polling;
import org.peaktrade.protocol.session.SessionMode;
import org.peaktrade.protocol.session.SessionSpec;

/**
 * Sessions moved between cluster members again and again leave nothing on the members they left: node A runs every
 * session; B joins and the coordinator rebalances shards to it (A keeps running); B leaves gracefully and its
 * sessions are handed back to A; C joins and takes a share by rebalance. After each move, and for more than two
 * heartbeat timeouts after the last one, no watchdog of any node (the ones that stopped included) has fired, and
 * each live node's watchdog and kill-switch gate hold exactly the sessions it runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionMovesIT {
  private static final int SESSIONS = 8;
  private static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(3);
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir
  static Path dataDir;

  private InJvmCluster cluster;

  @BeforeAll
  void prepare() throws Exception {
    cluster = new InJvmCluster("moves", dataDir, 3, 3000);
  }

  @AfterAll
  void stopNodes() throws Exception {
    cluster.close();
  }

  private InJvmClusterNode startNode(int member) {
    return cluster.start(member, Duration.ofMillis(100),
        "peaktrade.sessions.instruments.\"BTC/USD\".tick-size = 0.001", "peaktrade.sessions.heartbeat-interval = 500ms",
        "peaktrade.sessions.heartbeat-timeout = " + HEARTBEAT_TIMEOUT.toMillis() + "ms");
  }

  @Test
  void sessionsMovedRepeatedlyBetweenMembersAreNeverKilledByTheNodesTheyLeft() throws Exception {
    InJvmClusterNode a = startNode(0);
    eventually("A up", () -> a.upMembers() == 1);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < SESSIONS; i++) {
      ids.add(await(a.sessions.start(spec("m" + i))).spec().id());
    }
    eventually("A runs every session", () -> a.hostedSessions().equals(ids));
    assertRegistrationsFollowTheSessions(List.of(a));

    InJvmClusterNode b = startNode(1);
    eventually("B joined", () -> a.upMembers() == 2 && b.upMembers() == 2);
    eventually("some sessions rebalanced from A to B", () -> !b.hostedSessions().isEmpty()
        && hostedOn(List.of(a, b)).equals(ids));
    assertRegistrationsFollowTheSessions(List.of(a, b));

    b.leave();
    eventually("B's sessions handed back to A", () -> a.upMembers() == 1 && a.hostedSessions().equals(ids));
    assertRegistrationsFollowTheSessions(List.of(a));

    InJvmClusterNode c = startNode(2);
    eventually("C joined", () -> a.upMembers() == 2 && c.upMembers() == 2);
    eventually("some sessions rebalanced from A to C", () -> !c.hostedSessions().isEmpty()
        && hostedOn(List.of(a, c)).equals(ids));
    assertRegistrationsFollowTheSessions(List.of(a, c));

    long quietUntil = System.nanoTime() + HEARTBEAT_TIMEOUT.multipliedBy(2).plusSeconds(1).toNanos();
    eventually("two heartbeat timeouts after the last move", () -> System.nanoTime() > quietUntil);
    assertRegistrationsFollowTheSessions(List.of(a, c));
    for (InJvmClusterNode node : cluster.started()) {
      assertThat(node.watchdogTriggers.triggers()).as("watchdog triggers of the node on port " + node.port)
          .isEmpty();
    }
  }

  /** Every node's watchdog and gate hold exactly the sessions it runs (after the move has settled). */
  private void assertRegistrationsFollowTheSessions(List<InJvmClusterNode> live) throws Exception {
    for (InJvmClusterNode node : live) {
      eventually("the watchdog and gate on port " + node.port + " hold only the sessions it runs", () -> {
        Set<String> hosted = node.hostedSessions();
        return node.watchdogSessions().equals(hosted) && node.gateSessions().equals(hosted);
      });
    }
  }

  private static Set<String> hostedOn(List<InJvmClusterNode> nodes) {
    Set<String> hosted = new HashSet<>();
    for (InJvmClusterNode node : nodes) {
      Set<String> here = node.hostedSessions();
      assertThat(hosted).doesNotContainAnyElementsOf(here);
      hosted.addAll(here);
    }
    return hosted;
  }

  private static SessionSpec spec(String id) {
    return new SessionSpec(id, "ma-cross", Map.of("fast", "5", "slow", "15"), Bars.BTC, SessionMode.SHADOW,
        "equity-pct:95", "default", new BigDecimal("10000"), new BigDecimal("10"), new BigDecimal("2"));
  }

  private static void eventually(String what, Callable<Boolean> condition) throws Exception {
    Polling.until(what, WAIT, condition);
  }
}
