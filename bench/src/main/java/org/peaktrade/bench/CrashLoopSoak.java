package org.peaktrade.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.peaktrade.actors.jvm.CommonPoolParallelism;
import org.peaktrade.app.fixtures.CrashLoop;

/**
 * The crash-loop soak: app's {@code CrashLoopIT} harness ({@link CrashLoop}) for hundreds of cycles. Runs the runnable
 * jar ({@code -Dpeak-trade.jar=app/target/peak-trade.jar}) on a fresh data dir, SIGKILLs it CYCLES times at random
 * moments (seeded) while kills and recoveries on SCOPES scopes are answered, and prints the figures; exits 1 when any
 * acknowledged event was lost or rewritten.
 *
 * <pre>java -Dpeak-trade.jar=app/target/peak-trade.jar -cp bench/target/benchmarks.jar
 *   org.peaktrade.bench.CrashLoopSoak [CYCLES=300] [SEED=1] [MAX_UPTIME_MS=3000] [SCOPES=3]</pre>
 */
public final class CrashLoopSoak {
  private CrashLoopSoak() {}

  public static void main(String[] args) throws Exception {
    CommonPoolParallelism.atLeastTwo();
    int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
    Duration maxUptime = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 3000);
    int scopes = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    List<String> names = new ArrayList<>(List.of("global"));
    for (int i = 1; i < scopes; i++) {
      names.add("soak-" + i);
    }
    Path dir = Files.createTempDirectory("crash-loop-soak");
    CrashLoop.Result result = CrashLoop.run(new CrashLoop.Settings(cycles, seed, names, maxUptime, dir), System.out);
    System.out.println("data dir: " + dir);
    System.exit(result.failures().isEmpty() ? 0 : 1);
  }
}
