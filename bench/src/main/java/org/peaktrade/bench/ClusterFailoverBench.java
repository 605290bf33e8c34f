package org.peaktrade.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.peaktrade.actors.jvm.CommonPoolParallelism;

/**
 * Failover and full restart of the local three-node cluster of docs/deployment.md, as whole processes: a real
 * Cassandra (started through {@code scripts/cassandra/cassandra}, or the one {@code -Dcassandra=HOST:PORT} names) and
 * three {@code peak-trade node --cluster --contact-point ...} processes from the runnable jar
 * ({@code -Dpeak-trade.jar=app/target/peak-trade.jar}), with the split-brain resolver's {@code stable-after} of the
 * run and the demo candles replayed at {@code -Dspeed} (default 300: one one-minute bar every 200 ms). SESSIONS SHADOW
 * sessions are started through the API, spread over the members. Each of RUNS runs kills a member with SIGKILL
 * (even runs the oldest member, which runs the cluster singletons; odd runs the other member with the most sessions)
 * and measures on the survivors ({@link Failover}); the member is then started again with the same command line and
 * the next run waits until it is ready and hosts a session again. Last, the whole cluster is stopped and started
 * ({@link FullRestart}). {@code -Dsettings="key = value;..."} adds configuration to every member.
 * {@code -Dbalance-wait=SECONDS} (default 0) makes each run wait, after the restarted member hosts a session again,
 * until every member hosts at least three quarters of its even share (or that long), so that the next kill moves a
 * member's usual share rather than what an unbalanced cluster left on it; it prints how long that took. Prints per-run
 * lines and p50/p99/max (nearest rank). Logs stay in
 * {@code bench/target/cluster-failover/}.
 *
 * <pre>java -Dpeak-trade.jar=app/target/peak-trade.jar -cp bench/target/benchmarks.jar
 *   org.peaktrade.bench.ClusterFailoverBench [SESSIONS=100] [RUNS=10] [STABLE_AFTER=20s]</pre>
 */
public final class ClusterFailoverBench {
  private static final String SINGLETONS_STARTED = "Singleton manager starting singleton actor";
  private static final long WAIT_MILLIS = 1_000;
  private static final int WAIT_ROUNDS = 180;

  private final List<ClusterMember> members;
  private final ReplayClock clock;
  private final double speed;
  private final int balanceWaitSeconds = Integer.getInteger("balance-wait", 0);
  private long leadMillis;

  private ClusterFailoverBench(List<ClusterMember> members, ReplayClock clock, double speed) {
    this.members = members;
    this.clock = clock;
    this.speed = speed;
  }

  public static void main(String[] args) throws Exception {
    CommonPoolParallelism.atLeastTwo();
    int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    String stableAfter = args.length > 2 ? args[2] : "20s";
    double speed = Double.parseDouble(System.getProperty("speed", "300"));
    Path root = repositoryRoot();
    Path runDir = Files.createDirectories(root.resolve("bench/target/cluster-failover").resolve(
        LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + stableAfter));
    System.out.printf("ClusterFailoverBench: %d sessions, %d runs, stable-after %s, replay speed %s (a one-minute "
        + "bar every %.0f ms); logs in %s%n", sessions, runs, stableAfter, speed, 60_000 / speed, runDir);
    System.out.println("load average at start: " + Files.readString(Path.of("/proc/loadavg")).strip());
    long started = System.nanoTime();
    List<ClusterMember> members = new ArrayList<>();
    try (ScriptedCassandra cassandra = ScriptedCassandra.startOrUse(root, runDir.resolve("cassandra"))) {
      System.out.printf("cassandra on %s after %.1f s%n", cassandra.contactPoint(),
          Failover.seconds(System.nanoTime() - started));
      List<Integer> management = List.of(ScriptedCassandra.freePort(), ScriptedCassandra.freePort(),
          ScriptedCassandra.freePort());
      Map<String, String> environment = Map.of("PEAKTRADE_CASSANDRA_CONTACT_POINT", cassandra.contactPoint(),
          "JAVA_TOOL_OPTIONS", "-Dlogback.configurationFile=" + logback(runDir));
      // Bootstrap keeps only the contact points on the member's own management port unless told otherwise: on one
      // machine that is the member alone, and the three never form a cluster (--contact-point does not set it yet).
      List<String> settings = new ArrayList<>(List.of(
          "pekko.cluster.split-brain-resolver.stable-after = " + stableAfter,
          "peaktrade.market-data.replay.speed = " + speed,
          "pekko.management.cluster.bootstrap.contact-point.filter-on-fallback-port = false"));
      // -Dsettings="key = value;key = value": more configuration for every member (what a run compares).
      for (String extra : System.getProperty("settings", "").split(";")) {
        if (!extra.isBlank()) {
          settings.add(extra.strip());
        }
      }
      System.out.println("member settings: " + settings);
      for (int i = 0; i < 3; i++) {
        members.add(ClusterMember.create(i, runDir, management, ScriptedCassandra.freePort(),
            root.resolve("config/persistence-cassandra.conf"), settings, environment));
      }
      System.out.println("member command line: peak-trade node --http-port <free> " + String.join(" ",
          members.get(0).args()));
      ClusterFailoverBench bench = new ClusterFailoverBench(members,
          ReplayClock.of(root.resolve("data/demo/btc-perp-1m-2022-01.csv"), speed), speed);
      bench.form();
      List<String> ids = bench.startSessions(sessions);
      List<Failover.Result> results = new ArrayList<>();
      for (int run = 0; run < runs; run++) {
        results.add(bench.failover(run));
      }
      System.out.println("full restart ...");
      FullRestart.Result full = FullRestart.run(members, bench.clock, bench.leadMillis, ids);
      System.out.println("  " + full.describe());
      summary(results, full, stableAfter);
      System.out.printf("whole bench %.0f s; load average at the end: %s%n",
          Failover.seconds(System.nanoTime() - started), Files.readString(Path.of("/proc/loadavg")).strip());
    } finally {
      for (ClusterMember member : members) {
        if (member.node() != null) {
          member.node().close();
        }
      }
    }
  }

  /** Launches the three members at once on the whole file and sets the clock to when their replays started. */
  private void form() throws Exception {
    long launching = System.nanoTime();
    for (ClusterMember member : members) {
      clock.writeFrom(member.replayFile(), clock.firstOpen());
      member.launch();
    }
    for (ClusterMember member : members) {
      member.node().awaitReady();
    }
    long sum = 0;
    long leads = 0;
    List<Long> starts = new ArrayList<>();
    for (ClusterMember member : members) {
      long at = member.replayStartedAt().orElseThrow();
      starts.add(at);
      sum += at;
      leads += at - member.launchedAt();
    }
    long mean = sum / members.size();
    clock.align(mean, clock.firstOpen());
    leadMillis = leads / members.size();
    System.out.printf("cluster formed, every member ready %.1f s after the launch; replays started %s ms from "
        + "their mean, %d ms after the launch on average%n", Failover.seconds(System.nanoTime() - launching),
        starts.stream().map(at -> at - mean).toList(), leadMillis);
    for (ClusterMember member : members) {
      System.out.println("  " + member.name() + " " + member.startupSteps());
    }
  }

  private List<String> startSessions(int count) throws Exception {
    long starting = System.nanoTime();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = String.format("s%03d", i);
      SessionsApi.start(members.get(i % members.size()).node(), id);
      ids.add(id);
    }
    for (int round = 0; round < WAIT_ROUNDS; round++) {
      List<SessionsApi.View> views = Failover.listed(members.get(0));
      if (views.size() == count && views.stream().allMatch(view -> view.barsSeen() > 0)) {
        System.out.printf("%d sessions started and each processed a bar after %.1f s; hosted %s%n", count,
            Failover.seconds(System.nanoTime() - starting), hosting(views));
        return ids;
      }
      Waiting.sleep(WAIT_MILLIS);
    }
    throw new IllegalStateException("not every session processed a bar");
  }

  private Failover.Result failover(int run) throws Exception {
    List<SessionsApi.View> views = Failover.listed(members.get(run % members.size()));
    ClusterMember oldest = oldest();
    ClusterMember victim = run % 2 == 0 && hosts(views, oldest) > 0 ? oldest : members.stream()
        .filter(member -> member != oldest).max(Comparator.comparingLong(member -> hosts(views, member)))
        .orElseThrow();
    List<ClusterMember> survivors = members.stream().filter(member -> member != victim).toList();
    System.out.printf("run %d: hosted %s, replay lag by member %s ms%n", run + 1, hosting(views), lagMillis(views));
    Failover.Result result = Failover.run(victim, survivors, victim == oldest);
    System.out.println("  " + result.describe());

    long market = clock.marketAt(System.currentTimeMillis() + leadMillis);
    clock.writeFrom(victim.replayFile(), market);
    long restarting = System.nanoTime();
    victim.launch();
    victim.node().awaitReady();
    double ready = Failover.seconds(System.nanoTime() - restarting);
    long startedAt = victim.replayStartedAt().orElseThrow();
    long offset = startedAt - (victim.launchedAt() + leadMillis);
    leadMillis = startedAt - victim.launchedAt();
    for (int round = 0; round < WAIT_ROUNDS; round++) {
      List<SessionsApi.View> now = Failover.listed(survivors.get(0));
      if (hosts(now, victim) > 0) {
        System.out.printf("  restarted %s: ready %.1f s after the launch (%s; its replay started %d ms %s the "
                + "shared clock), hosts a session again %.1f s after the launch; hosted %s%n", victim.name(), ready,
            victim.startupSteps(), Math.abs(offset), offset > 0 ? "behind" : "ahead of",
            Failover.seconds(System.nanoTime() - restarting), hosting(now));
        awaitBalance(survivors.get(0), restarting);
        return result;
      }
      Waiting.sleep(WAIT_MILLIS);
    }
    throw new IllegalStateException(victim.name() + " hosts no session " + WAIT_ROUNDS + " s after its restart");
  }

  /** Waits up to balance-wait until every member hosts at least three quarters of an even share of the sessions. */
  private void awaitBalance(ClusterMember asked, long restarting) throws Exception {
    if (balanceWaitSeconds <= 0) {
      return;
    }
    long deadline = System.nanoTime() + balanceWaitSeconds * 1_000_000_000L;
    while (true) {
      List<SessionsApi.View> views = Failover.listed(asked);
      long least = members.stream().mapToLong(member -> hosts(views, member)).min().orElse(0);
      boolean balanced = least * 4 >= 3L * views.size() / members.size();
      if (balanced || System.nanoTime() > deadline) {
        System.out.printf("  %s %.1f s after the launch: hosted %s%n", balanced ? "balanced" : "NOT balanced",
            Failover.seconds(System.nanoTime() - restarting), hosting(views));
        return;
      }
      Waiting.sleep(WAIT_MILLIS);
    }
  }

  /** The member whose current incarnation runs the cluster singletons (its log says it started them). */
  private ClusterMember oldest() throws Exception {
    ClusterMember oldest = null;
    long latest = -1;
    for (ClusterMember member : members) {
      OptionalLong at = NodeLog.last(member.log(), 0, line -> line.contains(SINGLETONS_STARTED));
      if (at.isPresent() && at.getAsLong() > latest) {
        latest = at.getAsLong();
        oldest = member;
      }
    }
    if (oldest == null) {
      throw new IllegalStateException("no member's log says it started the singletons");
    }
    return oldest;
  }

  private long hosts(List<SessionsApi.View> views, ClusterMember member) {
    return views.stream().filter(view -> view.member().equals(member.address())).count();
  }

  private Map<String, Long> hosting(List<SessionsApi.View> views) {
    Map<String, Long> hosted = new TreeMap<>();
    for (ClusterMember member : members) {
      hosted.put(member.name(), hosts(views, member));
    }
    return hosted;
  }

  /**
   * Per member, the median wall time (ms) its sessions' last bar is behind the shared clock: how far the member's
   * replay is off the clock plus how far its sessions are behind their feed (the part all members share is the time
   * a replay takes to read its file).
   */
  private Map<String, Long> lagMillis(List<SessionsApi.View> views) {
    long market = clock.marketAt(System.currentTimeMillis());
    Map<String, Long> lags = new TreeMap<>();
    for (ClusterMember member : members) {
      List<Long> behind = views.stream().filter(view -> view.member().equals(member.address()))
          .map(view -> market - view.lastBarOpen().toEpochMilli()).sorted().toList();
      if (!behind.isEmpty()) {
        lags.put(member.name(), Math.round(behind.get(behind.size() / 2) / speed));
      }
    }
    return lags;
  }

  private static void summary(List<Failover.Result> results, FullRestart.Result full, String stableAfter) {
    System.out.printf("%nsummary, stable-after %s, %d failovers (nearest-rank percentiles: with fewer than 100 runs "
        + "p99 is the max)%n", stableAfter, results.size());
    row("every moved session with a new bar, s", results, Failover.Result::newBar);
    row("every moved session answering from a survivor, s", results, Failover.Result::resumed);
    row("session list 200 again on both survivors, s", results, Failover.Result::listBack);
    row("healthy sessions' GET longest answer, ms", results, result -> result.healthyMaxMillis());
    row("global kill switch GET 200 again, s", results, Failover.Result::killSwitchBack);
    row("  killing the oldest: new bar, s", results.stream().filter(Failover.Result::oldest).toList(),
        Failover.Result::newBar);
    row("  killing another member: new bar, s", results.stream().filter(result -> !result.oldest()).toList(),
        Failover.Result::newBar);
    row("  log: unreachable, s", results, result -> result.timeline().unreachable());
    row("  log: downed, s", results, result -> result.timeline().downed());
    row("  log: removed, s", results, result -> result.timeline().removed());
    row("  log: singletons started (killing the oldest), s", results, result -> result.timeline().singleton());
    row("  log: first moved session trading, s", results, result -> result.timeline().firstTrading());
    row("  log: last moved session trading, s", results, result -> result.timeline().lastTrading());
    row("  log: shards that did not load their remembered sessions in time", results,
        result -> result.timeline().shardLoadTimeouts());
    System.out.println("  healthy sessions' GET non-200 over all runs: "
        + results.stream().mapToLong(Failover.Result::healthyNotOk).sum() + "; runs in which a healthy session was "
        + "moved by a rebalance: " + results.stream().filter(result -> !result.healthyMoved().isEmpty()).count());
    System.out.println("full restart: " + full.describe());
  }

  private static void row(String what, List<Failover.Result> results, ToDoubleFunction<Failover.Result> value) {
    List<Double> sorted = results.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).sorted().boxed()
        .collect(Collectors.toList());
    if (sorted.isEmpty()) {
      System.out.printf("  %s: -%n", what);
      return;
    }
    System.out.printf("  %s: p50 %.1f, p99 %.1f, max %.1f (n=%d)%n", what, rank(sorted, 50), rank(sorted, 99),
        Collections.max(sorted), sorted.size());
  }

  private static double rank(List<Double> sorted, double percentile) {
    int index = (int) Math.ceil(percentile / 100 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index));
  }

  /** The node's own logback setup, plus Pekko Cluster at INFO: the log lines the timeline is read from. */
  private static Path logback(Path runDir) throws Exception {
    return Files.writeString(runDir.resolve("logback-nodes.xml"), String.join("\n",
        "<configuration>",
        "  <appender name=\"STDERR\" class=\"ch.qos.logback.core.ConsoleAppender\">",
        "    <target>System.err</target>",
        "    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n</pattern></encoder>",
        "  </appender>",
        "  <logger name=\"org.apache.pekko\" level=\"WARN\"/>",
        "  <logger name=\"org.apache.pekko.cluster\" level=\"INFO\"/>",
        "  <logger name=\"org.apache.pekko.actor.CoordinatedShutdown\" level=\"INFO\"/>",
        "  <logger name=\"org.apache.pekko.management.cluster.bootstrap\" level=\"INFO\"/>",
        "  <logger name=\"com.zaxxer.hikari\" level=\"WARN\"/>",
        "  <logger name=\"slick\" level=\"WARN\"/>",
        "  <root level=\"INFO\"><appender-ref ref=\"STDERR\"/></root>",
        "</configuration>", ""));
  }

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("scripts/cassandra/cassandra"))) {
        return dir;
      }
    }
    throw new IllegalStateException("run from the repository: no scripts/cassandra/cassandra above "
        + Path.of("").toAbsolutePath());
  }
}
