package org.peaktrade.bench;

import org.peaktrade.actors.jvm.CommonPoolParallelism;
import static org.peaktrade.bench.Waiting.awaitTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.peaktrade.actors.killswitch.KillSwitchGate;
import org.peaktrade.actors.killswitch.KillSwitchService;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.TriggerKind;

/**
 * Kill-switch propagation over a three-node cluster in one JVM ({@link ClusterBenchNode}: loopback remoting, sharded
 * kill switches, one shared SQLite jdbc journal). SESSIONS sessions are spread round-robin over the nodes (each
 * registered at its node's gate). Per cycle, rotating the node that acts:
 * <ul>
 *   <li>global: {@code trigger(global)} on node {@code c % 3} → poll every node's {@code GateView.check} for one of its
 *       sessions until all three answer blocked (each node's time and the slowest are recorded) → wait until every
 *       executor of every node was told to cancel → recover from the next node → poll until all three allow;</li>
 *   <li>session: {@code trigger(session:s_i)} on a node other than the one hosting {@code s_i} → poll the hosting
 *       node's view until blocked → recover → poll until allowed.</li>
 * </ul>
 * Recovery has no approval code, no cooldown and no health checks in this configuration (two journaled commands).
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.peaktrade.bench.ClusterKillSwitchPropagationBench
 * [SESSIONS] [CYCLES]} (defaults 3000, 200; the first 30 cycles are warm-up). {@code -Drefresh=} and {@code -Dstale=}
 * set the gates' refresh interval and stale-after (the node's defaults otherwise).
 */
public final class ClusterKillSwitchPropagationBench {
  private static final int NODES = 3;
  private static final int WARM_UP = 30;
  private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(30);
  private static final long STARTUP_NANOS = TimeUnit.MINUTES.toNanos(10);

  private ClusterKillSwitchPropagationBench() {}

  public static void main(String[] args) throws Exception {
    CommonPoolParallelism.atLeastTwo();
    int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    int cycles = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    Path dataDir = Files.createTempDirectory("cluster-kill-switch-bench");
    Map<String, Object> overrides = new HashMap<>(Map.of(
        "peaktrade.kill-switch.approval-code-required", false,
        "peaktrade.kill-switch.cooldown", "0s"));
    GateOverrides.put(overrides);
    Config settings = ConfigFactory.parseMap(overrides);
    List<Integer> ports = ClusterBenchNode.freePorts(NODES);
    String database = "cluster-bench-" + System.nanoTime();
    List<ClusterBenchNode> nodes = new ArrayList<>();
    try {
      long starting = System.nanoTime();
      for (int i = 0; i < NODES; i++) {
        nodes.add(ClusterBenchNode.start(database, dataDir, ports.get(i), ports.get(0), settings));
      }
      for (ClusterBenchNode node : nodes) {
        awaitTrue("three members up", () -> node.upMembers() == NODES, STARTUP_NANOS);
      }
      System.out.printf("3 nodes up after %.1f s%n", (System.nanoTime() - starting) / 1e9);
      run(nodes, sessions, cycles);
    } finally {
      for (ClusterBenchNode node : nodes) {
        node.close();
      }
    }
  }

  private static void run(List<ClusterBenchNode> nodes, int sessions, int cycles) {
    for (int i = 0; i < sessions; i++) {
      ClusterBenchNode host = nodes.get(i % NODES);
      host.gate.tell(new KillSwitchGate.Register(sessionId(i), host.executors));
    }
    long starting = System.nanoTime();
    for (int i = 0; i < sessions; i++) {
      String id = sessionId(i);
      ClusterBenchNode host = nodes.get(i % NODES);
      awaitTrue("session " + id + " known and ACTIVE", () -> host.gateView.check(id).allowed(), STARTUP_NANOS);
    }
    System.out.printf("%,d session switches ACTIVE at their nodes' gates after %.1f s%n", sessions,
        (System.nanoTime() - starting) / 1e9);

    Histogram[] globalBlockedAt = {LatencyTable.histogram(), LatencyTable.histogram(), LatencyTable.histogram()};
    Histogram globalAllBlocked = LatencyTable.histogram();
    Histogram globalFanOut = LatencyTable.histogram();
    Histogram globalAllAllowed = LatencyTable.histogram();
    Histogram sessionBlocked = LatencyTable.histogram();
    Histogram sessionAllowed = LatencyTable.histogram();
    for (int cycle = 0; cycle < WARM_UP + cycles; cycle++) {
      boolean record = cycle >= WARM_UP;
      ClusterBenchNode acting = nodes.get(cycle % NODES);
      ClusterBenchNode recovering = nodes.get((cycle + 1) % NODES);
      long cancelsBefore = totalCancels(nodes);

      long t0 = System.nanoTime();
      acting.killSwitch.trigger(KillSwitchScope.GLOBAL, TriggerKind.MANUAL, "bench", "cycle " + cycle, Map.of());
      long[] blockedAt = awaitEveryNode(nodes, true);
      long allBlocked = System.nanoTime();
      awaitTrue("every executor told", () -> totalCancels(nodes) >= cancelsBefore + sessions, GIVE_UP_NANOS);
      long fannedOut = System.nanoTime();
      long t1 = System.nanoTime();
      recover(recovering.killSwitch, KillSwitchScope.GLOBAL);
      awaitEveryNode(nodes, false);
      long allAllowed = System.nanoTime();

      int index = cycle % sessions;
      String session = sessionId(index);
      ClusterBenchNode host = nodes.get(index % NODES);
      ClusterBenchNode other = nodes.get((index + 1 + cycle % 2) % NODES);
      KillSwitchScope scope = KillSwitchScope.session(session);
      long t2 = System.nanoTime();
      other.killSwitch.trigger(scope, TriggerKind.MANUAL, "bench", "cycle " + cycle, Map.of());
      awaitTrue("session kill seen at its node", () -> !host.gateView.check(session).allowed(), GIVE_UP_NANOS);
      long sessionKilled = System.nanoTime();
      long t3 = System.nanoTime();
      recover(other.killSwitch, scope);
      awaitTrue("session recovery seen at its node", () -> host.gateView.check(session).allowed(), GIVE_UP_NANOS);
      long sessionRecovered = System.nanoTime();
      if (record) {
        for (int n = 0; n < NODES; n++) {
          globalBlockedAt[n].recordValue(blockedAt[n] - t0);
        }
        globalAllBlocked.recordValue(allBlocked - t0);
        globalFanOut.recordValue(fannedOut - t0);
        globalAllAllowed.recordValue(allAllowed - t1);
        sessionBlocked.recordValue(sessionKilled - t2);
        sessionAllowed.recordValue(sessionRecovered - t3);
      }
    }
    System.out.printf("nodes=3 sessions=%,d cycles=%d (after %d warm-up)%n", sessions, cycles, WARM_UP);
    LatencyTable.header();
    for (int n = 0; n < NODES; n++) {
      LatencyTable.row("global trigger → node " + (n + 1) + " check blocked", globalBlockedAt[n]);
    }
    LatencyTable.row("global trigger → every node blocked", globalAllBlocked);
    LatencyTable.row("global trigger → all " + sessions + " executors told to cancel", globalFanOut);
    LatencyTable.row("global recovery → every node allowed", globalAllAllowed);
    LatencyTable.row("session trigger (other node) → hosting node blocked", sessionBlocked);
    LatencyTable.row("session recovery (other node) → hosting node allowed", sessionAllowed);
  }

  /**
   * Polls one session of each node until every node's view answers {@code blocked} (or allowed); answers when each
   * node was first seen so, in {@code System.nanoTime()}.
   */
  private static long[] awaitEveryNode(List<ClusterBenchNode> nodes, boolean blocked) {
    long[] seenAt = new long[NODES];
    int remaining = NODES;
    long deadline = System.nanoTime() + GIVE_UP_NANOS;
    while (remaining > 0) {
      for (int n = 0; n < NODES; n++) {
        if (seenAt[n] == 0 && nodes.get(n).gateView.check(sessionId(n)).allowed() != blocked) {
          seenAt[n] = System.nanoTime();
          remaining--;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("gave up waiting for every node to see " + (blocked ? "the kill" : "recovery"));
      }
      LockSupport.parkNanos(1_000);
    }
    return seenAt;
  }

  private static long totalCancels(List<ClusterBenchNode> nodes) {
    return nodes.stream().mapToLong(node -> node.cancels.sum()).sum();
  }

  /** Request (no code, no cooldown in this configuration) and complete, as two journaled commands. */
  private static void recover(KillSwitchService service, KillSwitchScope scope) {
    service.requestRecovery(scope, "bench", null).toCompletableFuture().join();
    service.completeRecovery(scope, "bench").toCompletableFuture().join();
  }

  private static String sessionId(int i) {
    return "s" + i;
  }
}
