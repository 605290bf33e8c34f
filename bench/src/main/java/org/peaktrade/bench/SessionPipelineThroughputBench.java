package org.peaktrade.bench;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.NotUsed;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.peaktrade.actors.jvm.CommonPoolParallelism;
import org.peaktrade.actors.killswitch.PersistenceSettings;
import org.peaktrade.actors.session.TradingSession;
import org.peaktrade.engine.data.LoadOptions;
import org.peaktrade.engine.data.MarketDataFiles;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.session.SessionView;

/**
 * Events and bars per second through the whole session pipeline on one node ({@link SessionNode}): SESSIONS PAPER
 * sessions (moving-average crossover 5/15), each replaying the first BARS real one-minute candles of FILE as fast as
 * backpressure lets it, through strategy → risk gate → kill-switch gate → paper executor, every event persisted on the
 * embedded SQLite file journal. The clock runs from releasing the first bar until every session has processed every
 * bar; the sessions are started and their kill switches ACTIVE before the first bar is released (a shared go signal in
 * front of every replay), so the window holds the pipeline only. The events are then counted from the journal by kind
 * (inside {@code Batch} rows, outside the timed window; the rows are counted too), and so is the heap each session holds after its bars (full GCs before the first bar and
 * after the last). Then a second node starts on the same data dir, its feed silent, and the time until every session
 * answers with the bars of its journal again is printed: the recovery from the journal (the bars processed after the
 * last checkpoint are not in it; a node's feed would give them again from its candle store).
 *
 * <p>Usage: {@code java -Xmx2g -cp bench/target/benchmarks.jar org.peaktrade.bench.SessionPipelineThroughputBench
 * [SESSIONS] [BARS] [FILE] [ROUNDS]} (defaults 1, all bars, data/demo/btc-perp-1m-2022-01.csv, 1). With ROUNDS > 1 the
 * run is repeated on a fresh node and data dir each time in the same JVM: the earlier rounds warm the JIT up, as a node
 * that has been running is, and the restart is timed after the last.
 */
public final class SessionPipelineThroughputBench {
  private static final long GIVE_UP_NANOS = TimeUnit.MINUTES.toNanos(30);

  private SessionPipelineThroughputBench() {}

  public static void main(String[] args) throws Exception {
    CommonPoolParallelism.atLeastTwo();
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    Path file = Path.of(args.length > 2 ? args[2] : "data/demo/btc-perp-1m-2022-01.csv");
    List<Bar> all = MarketDataFiles.load(file, LoadOptions.defaults()).bars();
    List<Bar> bars = args.length > 1 ? all.subList(0, Math.min(all.size(), Integer.parseInt(args[1]))) : all;
    Config settings = ConfigFactory.parseString("peaktrade.sessions.instruments.\"BTC/USD\".tick-size = 0.001");
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    Path dataDir = null;
    Map<String, Long> journaledBars = Map.of();
    for (int round = 1; round <= rounds; round++) {
      dataDir = Files.createTempDirectory("session-throughput-bench");
      System.out.printf("round %d of %d%s%n", round, rounds, round < rounds ? " (warms the JIT up)" : "");
      journaledBars = round(dataDir, settings, file, bars, count);
    }
    long restart = System.nanoTime();
    try (SessionNode node = SessionNode.start(dataDir, Source.never(), settings)) {
      awaitJournaledBars(node, journaledBars);
      System.out.printf("restart on the same data dir: every session recovered from its journal in %.2f s%n",
          (System.nanoTime() - restart) / 1e9);
    }
  }

  /** One timed run of SESSIONS sessions over BARS bars on a fresh node in {@code dataDir}; their journaled bars. */
  private static Map<String, Long> round(Path dataDir, Config settings, Path file, List<Bar> bars, int count)
      throws Exception {
    CompletableFuture<Boolean> go = new CompletableFuture<>();
    Source<Bar, NotUsed> feed = Source.completionStage(go).flatMapConcat(ready -> Source.from(bars));
    try (SessionNode node = SessionNode.start(dataDir, feed, settings)) {
      Waiting.awaitTrue("global switch known",
          () -> node.gateView.check("none").blockingScope().startsWith("session"), GIVE_UP_NANOS);
      for (int i = 0; i < count; i++) {
        Waiting.await(node.sessions.start(SessionNode.paperSpec(sessionId(i))), 60);
      }
      for (int i = 0; i < count; i++) {
        String id = sessionId(i);
        Waiting.awaitTrue(id + " allowed at the gate", () -> node.gateView.check(id).allowed(), GIVE_UP_NANOS);
      }
      long idle = SessionFootprintBench.heapAfterGc(ManagementFactory.getMemoryMXBean());
      long t0 = System.nanoTime();
      go.complete(true);
      List<SessionView> views = awaitAllBars(node, bars.size());
      long elapsed = System.nanoTime() - t0;
      long ran = SessionFootprintBench.heapAfterGc(ManagementFactory.getMemoryMXBean());

      Map<String, Long> events = countEvents(node, count);
      Map<String, Long> journaled = journaledBars(node, count);
      long rows = events.remove("rows");
      long totalEvents = events.values().stream().mapToLong(Long::longValue).sum();
      long totalBars = (long) count * bars.size();
      long fills = views.stream().mapToLong(SessionView::fills).sum();
      double seconds = elapsed / 1e9;
      System.out.printf("sessions=%d bars per session=%,d (%s) max heap=%,d MiB%n", count, bars.size(),
          file.getFileName(), Runtime.getRuntime().maxMemory() >> 20);
      System.out.printf("%.2f s: %,.0f bars/s, %,.0f events/s (%,d events in %,d journal rows: %s; %,d fills)%n",
          seconds, totalBars / seconds, totalEvents / seconds, totalEvents, rows, events, fills);
      System.out.printf("heap: %,d bytes per session more after its %,d bars than before its first (full GCs)%n",
          (ran - idle) / count, bars.size());
      readOrders(node, sessionId(0));
      long waiting = totalBars - journaled.values().stream().mapToLong(Long::longValue).sum();
      System.out.printf("journaled: %,d bar events in %,d events; %,d bars processed but waiting for the next "
          + "checkpoint when the node stopped%n", totalBars - waiting, totalEvents, waiting);
      return journaled;
    }
  }

  /**
   * Times what {@code GET /api/v1/sessions/{id}/orders} and {@code /fills} cost the node for session {@code id}: its
   * orders and fills are read from its journal (three reads each, the first one cold).
   */
  private static void readOrders(SessionNode node, String id) {
    for (int read = 1; read <= 3; read++) {
      long t0 = System.nanoTime();
      int orders = Waiting.await(node.sessions.orders(id), 60).orElseThrow().size();
      long t1 = System.nanoTime();
      int fills = Waiting.await(node.sessions.fills(id), 60).orElseThrow().size();
      long t2 = System.nanoTime();
      System.out.printf("read %d of %s from its journal: %,d orders in %.1f ms, %,d fills in %.1f ms%n", read, id,
          orders, (t1 - t0) / 1e6, fills, (t2 - t1) / 1e6);
    }
  }

  /** Each session's bars in its journal (what a restart gives back; the silent feed sends no more). */
  private static Map<String, Long> journaledBars(SessionNode node, int count) {
    CurrentEventsByPersistenceIdQuery journal = readJournal(node);
    Map<String, Long> bars = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      bars.put(sessionId(i), Waiting.await(journal
          .currentEventsByPersistenceId(TradingSession.persistenceId(sessionId(i)).id(), 0, Long.MAX_VALUE)
          .mapConcat(envelope -> TradingSession.Event.expand((TradingSession.Event) envelope.event()))
          .map(event -> event instanceof TradingSession.Event.BarsProcessed run ? (long) run.bars().size()
              : event instanceof TradingSession.Event.BarProcessed ? 1L : 0L)
          .runWith(Sink.fold(0L, Long::sum), node.system), 600));
    }
    return bars;
  }

  /** Polls the sessions' views until each has the bars of its journal. */
  private static void awaitJournaledBars(SessionNode node, Map<String, Long> bars) {
    long deadline = System.nanoTime() + GIVE_UP_NANOS;
    while (!recovered(node, bars)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("gave up waiting for every session to recover its journal");
      }
      Waiting.sleep(50);
    }
  }

  /**
   * Whether every session answered with the bars of its journal. A list that fails counts as not yet: a session that
   * has not answered once since the node started (still recovering, among thousands) fails the node's list.
   */
  private static boolean recovered(SessionNode node, Map<String, Long> bars) {
    try {
      return Waiting.await(node.sessions.list(), 60).stream()
          .allMatch(view -> view.reachable() && view.barsSeen() == bars.get(view.spec().id()));
    } catch (IllegalStateException notAllAnswered) {
      return false;
    }
  }

  private static CurrentEventsByPersistenceIdQuery readJournal(SessionNode node) {
    return PersistenceQuery.get(node.system).getReadJournalFor(CurrentEventsByPersistenceIdQuery.class,
        PersistenceSettings.fromConfig(node.system.settings().config()).readJournal());
  }

  /** Polls the sessions' views until each has processed {@code bars} bars. */
  private static List<SessionView> awaitAllBars(SessionNode node, int bars) {
    long deadline = System.nanoTime() + GIVE_UP_NANOS;
    while (true) {
      List<SessionView> views = Waiting.await(node.sessions.list(), 60);
      if (views.stream().allMatch(view -> view.barsSeen() == bars)) {
        return views;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("gave up waiting for every session to process " + bars + " bars");
      }
      Waiting.sleep(50);
    }
  }

  /** Every session's journaled events by kind, read back through Pekko Persistence Query. */
  private static Map<String, Long> countEvents(SessionNode node, int count) {
    CurrentEventsByPersistenceIdQuery journal = readJournal(node);
    Map<String, Long> byKind = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      Map<String, Long> session = Waiting.await(journal
          .currentEventsByPersistenceId(TradingSession.persistenceId(sessionId(i)).id(), 0, Long.MAX_VALUE)
          .runWith(Sink.fold(new TreeMap<String, Long>(), (counts, envelope) -> {
            counts.merge("rows", 1L, Long::sum);
            for (TradingSession.Event event : TradingSession.Event.expand((TradingSession.Event) envelope.event())) {
              counts.merge(event.getClass().getSimpleName(), 1L, Long::sum);
            }
            return counts;
          }), node.system), 600);
      session.forEach((kind, n) -> byKind.merge(kind, n, Long::sum));
    }
    return byKind;
  }

  private static String sessionId(int i) {
    return "replay-" + i;
  }
}
