package org.peaktrade.bench;

import org.peaktrade.actors.jvm.CommonPoolParallelism;
import static org.peaktrade.bench.LatencyTable.histogram;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.jdbc.testkit.javadsl.SchemaUtils;
import org.peaktrade.actors.killswitch.EmbeddedJournal;
import org.peaktrade.actors.killswitch.KillSwitchRuntime;
import org.peaktrade.actors.killswitch.KillSwitchSettings;
import org.peaktrade.engine.time.Ticker;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.TriggerKind;

/**
 * The cost of "acknowledged means durable": kill-switch commands through {@link KillSwitchRuntime} on the embedded
 * journal in a temp dir, timed from the call to its reply (the reply is sent once the event's persist completed, i.e.
 * once SQLite's commit returned after fsyncing the WAL). CLIENTS scopes are driven at once, each sending its next
 * trigger when the previous one is answered (every trigger after the first is a journaled trigger-repeated).
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.peaktrade.bench.JournalWriteBench [sqlite|h2] [CLIENTS]
 * [COMMANDS]} (defaults sqlite, 1, 2000; the first 200 commands of each client are warm-up). {@code h2} runs the
 * previous embedded journal (H2 file, WRITE_DELAY=0: the one that lost acknowledged events on kill -9), for the
 * before/after figure only.
 */
public final class JournalWriteBench {
  private static final int WARM_UP = 200;

  private JournalWriteBench() {}

  public static void main(String[] args) throws Exception {
    CommonPoolParallelism.atLeastTwo();
    String journal = args.length > 0 ? args[0] : "sqlite";
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    int commands = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
    Path dataDir = Files.createTempDirectory(Path.of(System.getProperty("bench.dir", "/tmp")), "journal-bench");
    Map<String, Object> settings = new HashMap<>(Map.of(
        "peaktrade.data-dir", dataDir.toAbsolutePath().toString(),
        "peaktrade.kill-switch.approval-code-required", false,
        "pekko.loglevel", "WARNING"));
    Config embedded = EmbeddedJournal.config();
    if (journal.equals("h2")) {
      String db = "pekko-persistence-jdbc.shared-databases.slick.";
      settings.put(db + "profile", "slick.jdbc.H2Profile$");
      settings.put(db + "db.driver", "org.h2.Driver");
      settings.put(db + "db.url", "jdbc:h2:file:" + dataDir.toAbsolutePath()
          + "/journal/peaktrade;DB_CLOSE_DELAY=-1;WRITE_DELAY=0");
      settings.put(db + "db.user", "sa");
      settings.put(db + "db.password", "");
      embedded = embedded.withoutPath(db + "db.properties");
    }
    Config config = ConfigFactory.load(ConfigFactory.parseMap(settings).withFallback(embedded));
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "journal-bench", config);
    try {
      (journal.equals("h2") ? SchemaUtils.createIfNotExists(system) : EmbeddedJournal.createSchemaIfMissing(system))
          .toCompletableFuture().get(1, TimeUnit.MINUTES);
      KillSwitchRuntime runtime = KillSwitchRuntime.start(system, KillSwitchSettings.fromConfig(config),
          Clock.systemUTC(), Ticker.SYSTEM, List.of());
      run(runtime, journal, clients, commands);
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(1, TimeUnit.MINUTES);
    }
  }

  private static void run(KillSwitchRuntime runtime, String journal, int clients, int commands) throws Exception {
    List<Histogram> histograms = new ArrayList<>();
    List<CompletableFuture<Void>> running = new ArrayList<>();
    long started = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      Histogram histogram = histogram();
      histograms.add(histogram);
      KillSwitchScope scope = KillSwitchScope.session("bench-" + c);
      running.add(CompletableFuture.runAsync(() -> {
        for (int i = 0; i < WARM_UP + commands; i++) {
          long t0 = System.nanoTime();
          runtime.trigger(scope, TriggerKind.MANUAL, "bench", "command " + i, Map.of()).toCompletableFuture().join();
          if (i >= WARM_UP) {
            histogram.recordValue(System.nanoTime() - t0);
          }
        }
      }));
    }
    CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(30, TimeUnit.MINUTES);
    double seconds = (System.nanoTime() - started) / 1e9;
    Histogram all = histogram();
    histograms.forEach(all::add);
    LatencyTable.header();
    LatencyTable.row(journal + ", " + clients + " client(s), command → durable reply", all);
    System.out.printf("%,d commands in %.1f s: %,.0f commands/s%n", clients * (WARM_UP + commands), seconds,
        clients * (WARM_UP + commands) / seconds);
  }
}
