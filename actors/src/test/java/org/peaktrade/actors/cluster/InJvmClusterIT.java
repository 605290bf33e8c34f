package org.peaktrade.actors.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.actors.cluster.InJvmClusterNode.await;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.code;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.Polling;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.engine.data.LoadOptions;
import org.peaktrade.engine.data.MarketDataFiles;
import org.peaktrade.engine.killswitch.GateDecision;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchState;
import org.peaktrade.protocol.killswitch.TriggerKind;
import org.peaktrade.protocol.session.OrderView;
import org.peaktrade.protocol.session.SessionMode;
import org.peaktrade.protocol.session.SessionSpec;
import org.peaktrade.protocol.session.SessionView;

/**
 * Three cluster nodes in one JVM on loopback, sharing one journal (pekko-persistence-jdbc on one SQLite file): sessions
 * spread over every node; the oldest node (seed, directory singleton, shard coordinator) crashes and its sessions
 * resume on the others from the journal with every acknowledged order and no order twice; a node joins again; a
 * kill-switch trigger on one node blocks the sessions of every node, and a recovery frees them; with no status change
 * for longer than stale-after, every node's gate refresh keeps its sessions allowed; a member that never asked about
 * a session lists it from its published views while its member is down. The tests run in order on the same cluster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InJvmClusterIT {
  private static final int SESSIONS = 9;
  private static final int BARS = 300;
  private static final Duration BAR_INTERVAL = Duration.ofMillis(25);
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir
  static Path dataDir;

  private final List<InJvmClusterNode> nodes = new ArrayList<>();
  private List<Bar> candles;
  private List<Integer> ports;
  private final String database = "cluster-" + System.nanoTime();
  private final Map<String, List<OrderView>> acknowledgedBeforeCrash = new HashMap<>();
  private Set<String> onCrashedNode = Set.of();

  @BeforeAll
  void startThreeNodes() throws Exception {
    candles = MarketDataFiles.load(Bars.demoData().resolve("btc-perp-1m-2022-01.csv"), LoadOptions.defaults())
        .bars().subList(0, BARS);
    ports = InJvmClusterNode.freePorts(4);
    for (int i = 0; i < 3; i++) {
      nodes.add(startNode(ports.get(i), ports.get(0)));
    }
    for (InJvmClusterNode node : nodes) {
      eventually(() -> node.upMembers() == 3);
    }
  }

  @AfterAll
  void stopNodes() throws Exception {
    for (InJvmClusterNode node : nodes) {
      node.close();
    }
  }

  private InJvmClusterNode startNode(int port, int seedPort) {
    return InJvmClusterNode.start(database, dataDir, port, seedPort, candles, BAR_INTERVAL,
        "peaktrade.sessions.instruments.\"BTC/USD\".tick-size = 0.001");
  }

  @Test
  @Order(1)
  void sessionsStartedOnAnyNodeSpreadOverEveryNode() throws Exception {
    for (int i = 0; i < SESSIONS; i++) {
      SessionView started = await(nodes.get(i % 3).sessions.start(spec("s" + i)));
      assertThat(started.spec().id()).isEqualTo("s" + i);
    }
    eventually(() -> nodes.stream().allMatch(node -> !node.hostedSessions().isEmpty()));

    Set<String> all = new HashSet<>();
    for (InJvmClusterNode node : nodes) {
      Set<String> hosted = node.hostedSessions();
      assertThat(all).doesNotContainAnyElementsOf(hosted);
      all.addAll(hosted);
    }
    assertThat(all).hasSize(SESSIONS);
    assertThat(await(nodes.get(1).sessions.list())).extracting(view -> view.spec().id())
        .containsExactly("s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8");
    assertEveryViewNamesTheMemberHostingIt();
  }

  @Test
  @Order(2)
  void theSessionsOfACrashedNodeResumeOnTheOthersWithEveryAcknowledgedOrderAndNoneTwice() throws Exception {
    InJvmClusterNode oldest = nodes.get(0);
    onCrashedNode = oldest.hostedSessions();
    assertThat(onCrashedNode).isNotEmpty();
    eventually(() -> await(oldest.sessions.list()).stream().allMatch(view -> view.barsSeen() >= 60));
    for (String id : onCrashedNode) {
      acknowledgedBeforeCrash.put(id, await(nodes.get(1).sessions.orders(id)).orElseThrow());
    }

    Map<InJvmClusterNode, Set<String>> healthy = new HashMap<>();
    for (InJvmClusterNode survivor : nodes.subList(1, nodes.size())) {
      Set<String> hosted = survivor.hostedSessions();
      eventually(() -> hosted.stream().allMatch(id -> survivor.gateView.check(id).allowed()));
      healthy.put(survivor, hosted);
    }
    assertThat(healthy.values().stream().mapToInt(Set::size).sum()).isPositive();

    oldest.crash();
    nodes.remove(0);

    // While the crashed node's sessions move, the survivors' own sessions keep trading: their switches (and the
    // global one) that lived on the crashed node are read from the journal until their entities answer again.
    List<String> blocked = new ArrayList<>();
    eventually(() -> {
      healthy.forEach((survivor, hosted) -> hosted.forEach(id -> {
        GateDecision decision = survivor.gateView.check(id);
        if (!decision.allowed()) {
          blocked.add(id + ": " + decision.message());
        }
      }));
      Set<String> hosted = new HashSet<>();
      nodes.forEach(node -> hosted.addAll(node.hostedSessions()));
      return nodes.stream().allMatch(node -> node.upMembers() == 2) && hosted.containsAll(onCrashedNode);
    });
    assertThat(blocked).as("the survivors' own sessions during the failover").isEmpty();
    eventually(() -> await(nodes.get(0).sessions.list()).stream().allMatch(view -> view.barsSeen() == BARS));
    assertEveryViewNamesTheMemberHostingIt();

    assertThat(acknowledgedBeforeCrash.values().stream().mapToInt(List::size).sum()).isPositive();
    for (String id : onCrashedNode) {
      List<OrderView> orders = await(nodes.get(1).sessions.orders(id)).orElseThrow();
      List<String> ids = orders.stream().map(order -> order.order().id().value()).toList();
      for (int i = 0; i < ids.size(); i++) {
        assertThat(ids.get(i)).isEqualTo(id + "-" + (i + 1));
      }
      assertThat(orders.stream().map(order -> order.order().createdAt()).toList()).doesNotHaveDuplicates();
      List<OrderView> before = acknowledgedBeforeCrash.get(id);
      assertThat(orders.subList(0, before.size()).stream().map(OrderView::order).toList())
          .containsExactlyElementsOf(before.stream().map(OrderView::order).toList());
    }
  }

  @Test
  @Order(3)
  void aTriggerOnOneNodeBlocksTheSessionsOfEveryNodeUntilRecovered() throws Exception {
    nodes.add(startNode(ports.get(3), ports.get(1)));
    for (InJvmClusterNode node : nodes) {
      eventually(() -> node.upMembers() == 3);
    }
    for (InJvmClusterNode node : nodes) {
      eventually(() -> node.hostedSessions().stream().allMatch(id -> node.gateView.check(id).allowed()));
    }

    KillSwitchReply killed = await(nodes.get(1).killSwitch.trigger(KillSwitchScope.GLOBAL, TriggerKind.MANUAL,
        "ops@example.com", "cluster test", Map.of()));
    assertThat(killed.status().state()).isEqualTo(KillSwitchState.KILLED);

    for (InJvmClusterNode node : nodes) {
      eventually(() -> blockedByGlobalKill(node.gateView.check("any-session")));
      for (String id : node.hostedSessions()) {
        assertThat(blockedByGlobalKill(node.gateView.check(id))).isTrue();
      }
    }

    await(nodes.get(2).killSwitch.requestRecovery(KillSwitchScope.GLOBAL, "lead@example.com", code()));
    KillSwitchReply recovered = await(nodes.get(0).killSwitch.completeRecovery(KillSwitchScope.GLOBAL,
        "lead@example.com"));
    assertThat(recovered.status().state()).isEqualTo(KillSwitchState.ACTIVE);
    for (InJvmClusterNode node : nodes) {
      eventually(() -> node.hostedSessions().stream().allMatch(id -> node.gateView.check(id).allowed()));
    }
  }

  /**
   * Nothing changes any switch for twice {@code stale-after}, so no status is pushed: only each gate's batched
   * refresh, told to the sharded entities wherever they run and answered across nodes, keeps the views fresh. (A
   * session that a rebalance moves is unknown for a moment on its new node: only a stale view is a failure here.)
   */
  @Test
  @Order(4)
  void withoutPushesEveryNodesRefreshKeepsTheGlobalAndSessionViewsFreshPastStaleAfter() throws Exception {
    Map<InJvmClusterNode, Set<String>> checked = new HashMap<>();
    for (InJvmClusterNode node : nodes) {
      eventually(() -> node.hostedSessions().stream().allMatch(id -> node.gateView.check(id).allowed()));
      Set<String> ids = new HashSet<>(node.hostedSessions());
      ids.add("not-hosted");
      checked.put(node, ids);
    }
    assertThat(checked.values().stream().mapToInt(Set::size).sum()).isEqualTo(SESSIONS + nodes.size());
    long until = System.nanoTime() + nodes.get(0).gateView.staleAfter().multipliedBy(2).toNanos();
    List<String> stale = new ArrayList<>();
    int checks = 0;
    while (System.nanoTime() < until) {
      for (Map.Entry<InJvmClusterNode, Set<String>> node : checked.entrySet()) {
        for (String id : node.getValue()) {
          GateDecision decision = node.getKey().gateView.check(id);
          checks++;
          if (!decision.allowed() && decision.reason().startsWith("stale")) {
            stale.add(decision.message());
          }
        }
      }
      Thread.sleep(50);
    }
    assertThat(checks).isGreaterThan(100 * (SESSIONS + nodes.size()));
    assertThat(stale).isEmpty();
  }

  /**
   * The node that joined in order 3 has never asked about any session: what it knows of them is only what their
   * entities published. The oldest node (the directory singleton and some sessions) crashes; at once, before its
   * shards move, that node still lists every session, those of the crashed node as their last published view marked
   * unreachable (and only those), and later as reachable again on the survivors.
   */
  @Test
  @Order(5)
  void aMemberThatNeverAskedListsEverySessionFromThePublishedViewsWhileTheirMemberIsDown() throws Exception {
    InJvmClusterNode joined = nodes.get(2);
    eventually(() -> joined.sessions.board().all().size() == SESSIONS);
    InJvmClusterNode oldest = nodes.get(0);
    Set<String> crashedSessions = oldest.hostedSessions();
    assertThat(crashedSessions).isNotEmpty();

    oldest.crash();
    nodes.remove(0);
    List<SessionView> during = await(joined.sessions.list());

    assertThat(during).extracting(view -> view.spec().id())
        .containsExactly("s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8");
    // A rebalance may still hand a session off from the oldest just before the crash: that one answers from its new
    // member. Every session still on the crashed member is shown from its published view, and only those.
    String crashedMember = oldest.system.address().toString();
    List<SessionView> unanswered = during.stream().filter(view -> !view.reachable()).toList();
    assertThat(unanswered).isNotEmpty()
        .allSatisfy(view -> assertThat(view.member()).as(view.spec().id()).isEqualTo(crashedMember))
        .allSatisfy(view -> assertThat(crashedSessions).contains(view.spec().id()));
    assertThat(during).filteredOn(SessionView::reachable)
        .allSatisfy(view -> assertThat(view.member()).as(view.spec().id()).isNotEqualTo(crashedMember));
    eventually(() -> await(joined.sessions.list()).stream().allMatch(SessionView::reachable));
  }

  private static boolean blockedByGlobalKill(GateDecision decision) {
    return !decision.allowed() && "global".equals(decision.blockingScope()) && decision.reason().startsWith("KILLED");
  }

  private static SessionSpec spec(String id) {
    return new SessionSpec(id, "ma-cross", Map.of("fast", "5", "slow", "15"), Bars.BTC, SessionMode.SHADOW,
        "equity-pct:95", "default", new BigDecimal("10000"), new BigDecimal("10"), new BigDecimal("2"));
  }

  /** Asked through any node, a session's view names the member whose shard region hosts it. */
  private void assertEveryViewNamesTheMemberHostingIt() throws Exception {
    Map<String, String> hostOf = new HashMap<>();
    for (InJvmClusterNode node : nodes) {
      node.hostedSessions().forEach(id -> hostOf.put(id, node.system.address().toString()));
    }
    for (InJvmClusterNode asked : nodes) {
      for (SessionView view : await(asked.sessions.list())) {
        assertThat(view.member()).as(view.spec().id()).isEqualTo(hostOf.get(view.spec().id()));
      }
    }
  }

  private static void eventually(Callable<Boolean> condition) throws Exception {
    Polling.until("the cluster", WAIT, condition);
  }
}
