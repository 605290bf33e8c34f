package org.peaktrade.bench;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.peaktrade.actors.candles.CandleStore;
import org.peaktrade.actors.candles.CandleStoreSettings;
import org.peaktrade.actors.jvm.CommonPoolParallelism;
import org.peaktrade.actors.killswitch.EmbeddedJournal;
import org.peaktrade.engine.candles.AppendResult;
import org.peaktrade.engine.data.LoadOptions;
import org.peaktrade.engine.data.MarketDataFiles;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Symbol;

/**
 * The candle store's cost on the demo month ({@code data/demo/btc-perp-1m-2022-01.csv}, 45,031 real 1m candles), per
 * backend, as a node opens it: SQLite beside the embedded journal in a fresh data dir, or Cassandra with
 * {@code config/persistence-cassandra.conf} on a node started by {@code scripts/cassandra/cassandra} (or the one
 * {@code -Dcassandra=HOST:PORT} names, its schema applied). Each round stores the month under a symbol of its own and
 * times: the append (one call, all candles), the range read of the whole month (checked equal to the file), the 10,000
 * newest ({@code last}, a warm-up), and appending the month again (all identical: the idempotent re-append). The first
 * round includes the JIT's warm-up. {@code -Dpeaktrade.candles...} settings apply, e.g.
 * {@code -Dpeaktrade.candles.cassandra.batch-size=50}. {@code cassandra-plain} is the floor the store's conditional
 * writes are measured against: the same partitions written with plain batches of the same size, as many at once, at
 * the journal's consistency, without the check's reads and without {@code IF NOT EXISTS}.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.peaktrade.bench.CandleStoreBench
 * sqlite|cassandra|cassandra-plain [ROUNDS]} (default 3), from the repository root.
 */
public final class CandleStoreBench {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private CandleStoreBench() {}

  public static void main(String[] args) throws Exception {
    CommonPoolParallelism.atLeastTwo();
    String backend = args.length > 0 ? args[0] : "sqlite";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path root = Path.of("").toAbsolutePath();
    Path runDir = Files.createDirectories(root.resolve("bench/target/candle-bench"))
        .resolve(backend + "-" + System.currentTimeMillis());
    List<Bar> month = MarketDataFiles.load(root.resolve("data/demo/btc-perp-1m-2022-01.csv"), LoadOptions.defaults())
        .bars();
    Map<String, Object> quiet = Map.of("pekko.loglevel", "WARNING", "peaktrade.data-dir", runDir.toString());
    switch (backend) {
      case "sqlite" -> run(ConfigFactory.load(ConfigFactory.parseMap(quiet).withFallback(EmbeddedJournal.config())),
          backend, month, rounds);
      case "cassandra", "cassandra-plain" -> {
        try (ScriptedCassandra cassandra = ScriptedCassandra.startOrUse(root, runDir.resolve("cassandra"))) {
          Config profile = ConfigFactory.parseFile(root.resolve("config/persistence-cassandra.conf").toFile(),
              ConfigParseOptions.defaults().setAllowMissing(false));
          Config config = ConfigFactory.load(ConfigFactory.parseMap(quiet)
              .withFallback(ConfigFactory.parseMap(Map.of("peaktrade.cassandra.contact-point",
                  cassandra.contactPoint())))
              .withFallback(profile));
          if (backend.equals("cassandra")) {
            run(config, backend, month, rounds);
          } else {
            PlainCandleWrites.run(config, month, rounds);
          }
        }
      }
      default -> throw new IllegalArgumentException("backend must be sqlite, cassandra or cassandra-plain, not "
          + backend);
    }
  }

  private static void run(Config config, String backend, List<Bar> month, int rounds) throws Exception {
    CandleStoreSettings settings = CandleStoreSettings.fromConfig(config);
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "candle-bench", config);
    try (CandleStore store = CandleStore.create(system, settings)) {
      System.out.printf("%s (%s), %,d candles; cassandra batch-size %d, parallelism %d%n", backend,
          settings.backend(), month.size(), settings.cassandra().batchSize(), settings.cassandra().parallelism());
      System.out.println("| round | append ms | candles/s | range read ms | last 10,000 ms | re-append ms |");
      System.out.println("|---|---|---|---|---|---|");
      for (int round = 1; round <= rounds; round++) {
        Symbol symbol = Symbol.of("B" + Long.toString(System.currentTimeMillis(), 36).toUpperCase() + round + "/USD");
        List<Bar> candles = month.stream().map(bar -> new Bar(symbol, bar.openTime(), bar.interval(), bar.open(),
            bar.high(), bar.low(), bar.close(), bar.volume())).toList();
        Bar first = candles.get(0);
        Bar last = candles.get(candles.size() - 1);
        Timed<AppendResult> append = timed(() -> store.append(candles));
        check(append.value().stored() == candles.size(), "stored " + append.value());
        Timed<List<Bar>> range = timed(() -> store.range(symbol, MINUTE, first.openTime(), last.closeTime()));
        check(range.value().equals(candles), "the range read differs from the file");
        Timed<List<Bar>> warmUp = timed(() -> store.last(symbol, MINUTE, 10_000));
        check(warmUp.value().equals(candles.subList(candles.size() - 10_000, candles.size())), "last differs");
        Timed<AppendResult> again = timed(() -> store.append(candles));
        check(again.value().duplicatesIgnored() == candles.size(), "re-append " + again.value());
        System.out.printf("| %d | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f |%n", round, append.millis(),
            candles.size() / append.millis() * 1000, range.millis(), warmUp.millis(), again.millis());
      }
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(1, TimeUnit.MINUTES);
    }
  }

  private record Timed<T>(T value, double millis) {}

  private static <T> Timed<T> timed(Callable<CompletionStage<T>> call) throws Exception {
    long started = System.nanoTime();
    T value = call.call().toCompletableFuture().get(10, TimeUnit.MINUTES);
    return new Timed<>(value, (System.nanoTime() - started) / 1e6);
  }

  private static void check(boolean holds, String what) {
    if (!holds) {
      throw new IllegalStateException(what);
    }
  }
}
