package org.peaktrade.bench;

import org.peaktrade.actors.jvm.CommonPoolParallelism;
import org.peaktrade.engine.time.Ticker;
import static org.peaktrade.bench.Waiting.awaitTrue;

import com.sun.management.OperatingSystemMXBean;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.pekko.stream.javadsl.Source;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.session.SessionView;

/**
 * Heap per idle session on one node: SESSIONS PAPER sessions ({@link SessionNode}: real registry, sessions, risk
 * gates, executors, strategy runners, kill-switch entities, gate, watchdog, SQLite file journal) on a feed that never
 * produces a bar. Measures the heap in use after full GCs before the first session and after the last is started and
 * its own kill switch is known ACTIVE at the gate, and the time both take; checks that every session is RUNNING and
 * idle (no bar seen). Run it with the -Xmx to judge, one JVM per size.
 *
 * <p>Usage: {@code java -Xmx2g -cp bench/target/benchmarks.jar org.peaktrade.bench.SessionFootprintBench [SESSIONS]
 * [HOLD_SECONDS]} (defaults 10000, 0). HOLD_SECONDS keeps the node up after the measurement with its timers and the
 * gate's refresh running (also for {@code jcmd PID GC.class_histogram}), checking every session at the gate every
 * 500 ms: it reports the blocked checks, the oldest kill-switch view and the CPU used. {@code -Drefresh=}/{@code
 * -Dstale=} set the gate's refresh interval and stale-after (node defaults otherwise).
 */
public final class SessionFootprintBench {
  // Starts are serialised by the registry (one journal write each); more in flight only queue up at the registry
  // and run into its ask timeout (5 s).
  private static final int IN_FLIGHT = 16;
  private static final long START_NANOS = TimeUnit.MINUTES.toNanos(20);
  private static final long SWEEP_MILLIS = 500;

  private SessionFootprintBench() {}

  public static void main(String[] args) throws Exception {
    CommonPoolParallelism.atLeastTwo();
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int holdSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    Map<String, Object> settings = new HashMap<>();
    GateOverrides.put(settings);
    Config config = ConfigFactory.parseMap(settings);
    Path dataDir = Files.createTempDirectory("session-footprint-bench");
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    try (SessionNode node = SessionNode.start(dataDir, Source.<Bar>never(), config)) {
      awaitTrue("global switch known", () -> node.gateView.check("none").blockingScope().startsWith("session"),
          START_NANOS);
      long before = heapAfterGc(memory);

      long t0 = System.nanoTime();
      startAll(node, count);
      long started = System.nanoTime();
      for (int i = 0; i < count; i++) {
        String id = sessionId(i);
        awaitTrue("session " + id + " allowed at the gate", () -> node.gateView.check(id).allowed(), START_NANOS);
      }
      long gated = System.nanoTime();
      List<SessionView> views = Waiting.await(node.sessions.list(), 300);
      Map<String, Long> byStatus = views.stream()
          .collect(Collectors.groupingBy(view -> view.status() + (view.barsSeen() == 0 ? " idle" : " with bars"),
              Collectors.counting()));
      long after = heapAfterGc(memory);

      System.out.printf("sessions=%,d max heap=%,d MiB threads=%d gate refresh-interval=%s stale-after=%s%n", count,
          Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getThreadMXBean().getThreadCount(),
          node.system.settings().config().getDuration("peaktrade.kill-switch.gate.refresh-interval"),
          node.gateView.staleAfter());
      System.out.printf("started (registry + session journal writes) in %.1f s, all ACTIVE at the gate after %.1f s%n",
          (started - t0) / 1e9, (gated - t0) / 1e9);
      System.out.printf("sessions by status: %s%n", byStatus);
      System.out.printf("heap used after GC: %,d KiB before, %,d KiB after → %,d bytes per session%n", before >> 10,
          after >> 10, (after - before) / count);
      if (holdSeconds > 0) {
        System.out.printf("holding for %d s (pid %d), checking every session at the gate every %d ms%n",
            holdSeconds, ProcessHandle.current().pid(), SWEEP_MILLIS);
        hold(node, count, holdSeconds);
        System.out.printf("after holding: heap used after GC %,d KiB; gate decisions: %s%n", heapAfterGc(memory) >> 10,
            decisions(node, count));
      }
    }
  }

  /**
   * Keeps the node up for {@code seconds}, sweeping the gate's view of every session (as executors would check it
   * before an order) to count blocked checks and see how old the views get, and measures the process's CPU use.
   */
  private static void hold(SessionNode node, int count, int seconds) {
    GateFreshness freshness = new GateFreshness(node.gateView, Ticker.SYSTEM,
        IntStream.range(0, count).mapToObj(SessionFootprintBench::sessionId).toList());
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuBefore = os.getProcessCpuTime();
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      freshness.sweep();
      Waiting.sleep(SWEEP_MILLIS);
    }
    double cores = (os.getProcessCpuTime() - cpuBefore) / (double) (System.nanoTime() - start);
    System.out.printf("during the hold: %s%n", freshness.summary());
    System.out.printf("process CPU during the hold: %.2f of %d cores (these sweeps included); load average %.1f%n",
        cores, os.getAvailableProcessors(), os.getSystemLoadAverage());
  }

  /** Starts {@code count} sessions with at most {@link #IN_FLIGHT} starts unanswered at a time. */
  private static void startAll(SessionNode node, int count) throws InterruptedException {
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < count && failure.get() == null; i++) {
      if (i > 0 && i % 1000 == 0) {
        System.out.printf("  %,d start requests sent after %.1f s%n", i, (System.nanoTime() - t0) / 1e9);
      }
      inFlight.acquire();
      CompletableFuture<SessionView> start = node.sessions.start(SessionNode.paperSpec(sessionId(i)))
          .toCompletableFuture();
      start.whenComplete((view, error) -> {
        if (error != null) {
          failure.compareAndSet(null, error);
        }
        inFlight.release();
      });
    }
    inFlight.acquire(IN_FLIGHT);
    if (failure.get() != null) {
      throw new IllegalStateException("a session did not start", failure.get());
    }
  }

  /** How many sessions the gate allows, and how many it blocks by scope and reason (numbers in it as N). */
  private static Map<String, Long> decisions(SessionNode node, int count) {
    return IntStream.range(0, count).mapToObj(i -> node.gateView.check(sessionId(i)))
        .collect(Collectors.groupingBy(decision -> decision.allowed() ? "allowed"
            : (decision.blockingScope().startsWith("session:") ? "session" : decision.blockingScope()) + " "
                + decision.reason().replaceAll("[0-9.]+", "N"), TreeMap::new, Collectors.counting()));
  }

  /** The heap in use after four full collections 300 ms apart. */
  static long heapAfterGc(MemoryMXBean memory) {
    for (int i = 0; i < 4; i++) {
      System.gc();
      Waiting.sleep(300);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static String sessionId(int i) {
    return "idle-" + i;
  }
}
