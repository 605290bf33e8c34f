package org.peaktrade.bench;

import org.peaktrade.actors.jvm.CommonPoolParallelism;
import org.peaktrade.engine.time.Ticker;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.HdrHistogram.Histogram;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.peaktrade.actors.killswitch.EmbeddedJournal;
import org.peaktrade.actors.killswitch.GateSettings;
import org.peaktrade.actors.killswitch.GateView;
import org.peaktrade.actors.killswitch.KillSwitchGate;
import org.peaktrade.actors.killswitch.KillSwitchRuntime;
import org.peaktrade.actors.killswitch.KillSwitchService;
import org.peaktrade.actors.killswitch.KillSwitchSettings;
import org.peaktrade.actors.killswitch.OpenOrderCanceller;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.TriggerKind;

/**
 * Kill-switch propagation on one node: from {@code KillSwitchService.trigger} returning to the moment an executor's
 * synchronous {@link GateView#check} answers blocked, with SESSIONS sessions registered at the gate. Per cycle:
 * kill global → wait until a session is blocked (and, separately, until every session's executor got its
 * CancelOpenOrders) → recover → wait until allowed; then the same for one session's own switch. The waiting thread
 * polls {@code check} (parking ~1 µs between polls), as an executor about to send an order would.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.peaktrade.bench.KillSwitchPropagationBench [SESSIONS]
 * [CYCLES]} (defaults 10000, 300; the first 50 cycles are warm-up and not recorded). The gate runs on the node's
 * defaults; {@code -Drefresh=}/{@code -Dstale=} set its refresh interval and stale-after.
 */
public final class KillSwitchPropagationBench {
  private static final int WARM_UP = 50;
  private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(30);
  // Starting 10,000 persistent entities (each recovers from the journal once) takes a while on two cores.
  private static final long STARTUP_NANOS = TimeUnit.MINUTES.toNanos(10);
  // Parking between checks instead of spinning leaves both cores to the actors (this box has two).
  private static final long PAUSE_NANOS = 1_000;

  private KillSwitchPropagationBench() {}

  public static void main(String[] args) throws Exception {
    CommonPoolParallelism.atLeastTwo();
    int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int cycles = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    Path dataDir = Files.createTempDirectory("kill-switch-bench");
    Map<String, Object> settings = new HashMap<>(Map.of(
        "peaktrade.data-dir", dataDir.toAbsolutePath().toString(),
        "peaktrade.kill-switch.approval-code-required", false,
        "peaktrade.kill-switch.cooldown", "0s"));
    GateOverrides.put(settings);
    Config config = ConfigFactory.load(ConfigFactory.parseMap(settings).withFallback(EmbeddedJournal.config()));
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "kill-switch-bench", config);
    try {
      EmbeddedJournal.createSchemaIfMissing(system).toCompletableFuture().get(1, TimeUnit.MINUTES);
      run(system, sessions, cycles);
    } finally {
      system.terminate();
    }
  }

  private static void run(ActorSystem<Void> system, int sessions, int cycles) {
    Clock clock = Clock.systemUTC();
    KillSwitchRuntime service = KillSwitchRuntime.start(system,
        KillSwitchSettings.fromConfig(system.settings().config()), clock, Ticker.SYSTEM,
        List.of());
    ActorRef<Topic.Command<KillSwitchStatus>> topic = service.statusTopic();
    GateView view = new GateView(Ticker.SYSTEM, GateSettings.fromConfig(system.settings().config()));
    ActorRef<KillSwitchGate.Command> gate = system.systemActorOf(
        KillSwitchGate.create(GateSettings.fromConfig(system.settings().config()), view, service, topic),
        "kill-switch-gate", Props.empty());
    LongAdder cancels = new LongAdder();
    ActorRef<OpenOrderCanceller.Command> executor = system.systemActorOf(
        Behaviors.receive(OpenOrderCanceller.Command.class)
            .onMessage(OpenOrderCanceller.CancelOpenOrders.class, m -> {
              cancels.increment();
              return Behaviors.same();
            }).build(),
        "executors", Props.empty());
    for (int i = 0; i < sessions; i++) {
      gate.tell(new KillSwitchGate.Register(sessionId(i), executor));
    }
    String watched = sessionId(sessions - 1);
    long startingEntities = System.nanoTime();
    awaitTrue("all sessions known and ACTIVE", () -> view.check(watched).allowed(), STARTUP_NANOS);
    System.out.printf("%,d session switches recovered from the journal and ACTIVE after %.1f s%n", sessions,
        (System.nanoTime() - startingEntities) / 1e9);

    Histogram globalBlocked = histogram();
    Histogram globalFanOut = histogram();
    Histogram globalAllowed = histogram();
    Histogram sessionBlocked = histogram();
    Histogram sessionAllowed = histogram();
    for (int cycle = 0; cycle < WARM_UP + cycles; cycle++) {
      boolean record = cycle >= WARM_UP;
      long cancelsBefore = cancels.sum();
      long t0 = System.nanoTime();
      service.trigger(KillSwitchScope.GLOBAL, TriggerKind.MANUAL, "bench", "cycle " + cycle, Map.of());
      awaitTrue("global kill seen", () -> !view.check(watched).allowed());
      long blocked = System.nanoTime();
      awaitTrue("every executor told", () -> cancels.sum() >= cancelsBefore + sessions);
      long fannedOut = System.nanoTime();
      long t1 = System.nanoTime();
      recover(service, KillSwitchScope.GLOBAL);
      awaitTrue("global recovery seen", () -> view.check(watched).allowed());
      long allowed = System.nanoTime();

      String session = sessionId(cycle % sessions);
      KillSwitchScope scope = KillSwitchScope.session(session);
      long t2 = System.nanoTime();
      service.trigger(scope, TriggerKind.MANUAL, "bench", "cycle " + cycle, Map.of());
      awaitTrue("session kill seen", () -> !view.check(session).allowed());
      long sessionKilled = System.nanoTime();
      long t3 = System.nanoTime();
      recover(service, scope);
      awaitTrue("session recovery seen", () -> view.check(session).allowed());
      long sessionRecovered = System.nanoTime();
      if (record) {
        globalBlocked.recordValue(blocked - t0);
        globalFanOut.recordValue(fannedOut - t0);
        globalAllowed.recordValue(allowed - t1);
        sessionBlocked.recordValue(sessionKilled - t2);
        sessionAllowed.recordValue(sessionRecovered - t3);
      }
    }
    System.out.printf("sessions=%,d cycles=%d (after %d warm-up), microseconds%n", sessions, cycles, WARM_UP);
    System.out.println("| path | p50 | p90 | p99 | max |");
    System.out.println("|---|---|---|---|---|");
    print("global trigger → check blocked", globalBlocked);
    print("global trigger → all " + sessions + " executors told to cancel", globalFanOut);
    print("global recovery → check allowed", globalAllowed);
    print("session trigger → check blocked", sessionBlocked);
    print("session recovery → check allowed", sessionAllowed);
  }

  /** Request (no code, no cooldown in this configuration) and complete, as two journaled commands. */
  private static void recover(KillSwitchService service, KillSwitchScope scope) {
    service.requestRecovery(scope, "bench", null).toCompletableFuture().join();
    service.completeRecovery(scope, "bench").toCompletableFuture().join();
  }

  private static String sessionId(int i) {
    return "s" + i;
  }

  private static Histogram histogram() {
    return new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
  }

  private static void awaitTrue(String what, BooleanSupplier condition) {
    awaitTrue(what, condition, GIVE_UP_NANOS);
  }

  private static void awaitTrue(String what, BooleanSupplier condition, long giveUpNanos) {
    long deadline = System.nanoTime() + giveUpNanos;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("gave up waiting: " + what);
      }
      LockSupport.parkNanos(PAUSE_NANOS);
    }
  }

  private static void print(String path, Histogram h) {
    System.out.printf("| %s | %.0f | %.0f | %.0f | %.0f |%n", path, h.getValueAtPercentile(50) / 1e3,
        h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3, h.getMaxValue() / 1e3);
  }
}
