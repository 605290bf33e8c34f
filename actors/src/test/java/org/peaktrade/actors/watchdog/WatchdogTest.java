package org.peaktrade.actors.watchdog;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peaktrade.actors.fixtures.AdvanceableClock;
import org.peaktrade.actors.fixtures.Polling;
import org.peaktrade.actors.fixtures.RecordingKillSwitchService;
import org.peaktrade.actors.fixtures.RecordingKillSwitchService.TriggerCall;
import org.peaktrade.actors.fixtures.Statuses;
import org.peaktrade.actors.killswitch.KillTriggerStats;
import org.peaktrade.actors.killswitch.TriggerSource;
import org.peaktrade.engine.watchdog.SourceFreshness;
import org.peaktrade.engine.watchdog.SourceKind;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.killswitch.HealthCheckResult;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.TriggerKind;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
class WatchdogTest {
  private static final KillSwitchScope S1 = KillSwitchScope.session("s1");
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @JUnit5TestKit
  final ActorTestKit testKit = new JUnit5TestKitBuilder()
      .withCustomConfig(ManualTime.config()
          .withFallback(ConfigFactory.parseString("peaktrade.kill-trigger-delivery.random-factor = 0"))
          .withFallback(ConfigFactory.load())).build();

  private ManualTime time;
  private AdvanceableClock clock;
  private RecordingKillSwitchService service;
  private ActorRef<Watchdog.Command> watchdog;
  private TestProbe<Watchdog.Freshness> freshness;

  @BeforeEach
  void startWatchdog() {
    time = ManualTime.get(testKit.system());
    clock = new AdvanceableClock(Statuses.T0);
    service = new RecordingKillSwitchService();
    watchdog = testKit.spawn(Watchdog.create(service, clock));
    freshness = testKit.createTestProbe();
  }

  /** The watchdog has handled everything sent before (its mailbox is FIFO). */
  private Watchdog.Freshness sync() {
    watchdog.tell(new Watchdog.GetFreshness(freshness.getRef()));
    return freshness.receiveMessage();
  }

  private void passes(Duration duration) {
    clock.advance(duration);
    time.timePasses(duration);
  }

  private List<TriggerCall> awaitTriggers(int count) {
    return freshness.awaitAssert(() -> {
      assertThat(service.triggers()).hasSize(count);
      return service.triggers();
    });
  }

  @Test
  void aMissingHeartbeatKillsTheSourcesScope() {
    watchdog.tell(new Watchdog.Register("session:s1", TIMEOUT, S1, SourceKind.SESSION));
    sync();
    passes(TIMEOUT);
    TriggerCall call = awaitTriggers(1).get(0);
    assertThat(call.scope()).isEqualTo(S1);
    assertThat(call.kind()).isEqualTo(TriggerKind.WATCHDOG);
    assertThat(call.identity()).isEqualTo("watchdog:heartbeat:session:s1");
    assertThat(call.reason()).isEqualTo("no heartbeat from session:s1 for PT10S (timeout PT10S)");
    assertThat(call.metadata()).containsEntry("kind", "SESSION").containsEntry("lastSeen", Statuses.T0.toString());
  }

  @Test
  void aHeartbeatRestartsTheTimeout() {
    watchdog.tell(new Watchdog.Register("session:s1", TIMEOUT, S1));
    sync();
    passes(Duration.ofSeconds(6));
    watchdog.tell(new Watchdog.Heartbeat("session:s1"));
    sync();
    passes(Duration.ofSeconds(6));
    assertThat(sync().sources()).singleElement().satisfies(s -> assertThat(s.fresh()).isTrue());
    passes(Duration.ofSeconds(4));
    assertThat(awaitTriggers(1).get(0).metadata())
        .containsEntry("lastSeen", Statuses.T0.plusSeconds(6).toString());
  }

  @Test
  void aMissedSourceFiresOnceAndAgainOnlyAfterItBeatAndWentQuietAgain() {
    watchdog.tell(new Watchdog.Register("session:s1", TIMEOUT, S1));
    sync();
    passes(TIMEOUT);
    awaitTriggers(1);
    passes(TIMEOUT.multipliedBy(3));
    watchdog.tell(new Watchdog.Heartbeat("session:s1"));
    sync();
    passes(TIMEOUT);
    assertThat(awaitTriggers(2)).extracting(TriggerCall::identity).containsOnly("watchdog:heartbeat:session:s1");
  }

  @Test
  void anUnregisteredSourceNeverFires() {
    watchdog.tell(new Watchdog.Register("session:s1", TIMEOUT, S1));
    watchdog.tell(new Watchdog.Unregister("session:s1"));
    sync();
    passes(TIMEOUT.multipliedBy(2));
    watchdog.tell(new Watchdog.StaleMarketData(Symbol.of("BTC/USD"), Statuses.T0));
    assertThat(awaitTriggers(1)).extracting(TriggerCall::identity).containsExactly("watchdog:market-data:BTC/USD");
  }

  /** An actor that owns a watchdog source: it registers itself as the owner, then stops or crashes when told. */
  private ActorRef<String> owner(String source) {
    return testKit.spawn(Behaviors.setup(context -> {
      watchdog.tell(new Watchdog.Register(source, TIMEOUT, S1, SourceKind.SESSION, context.getSelf()));
      return Behaviors.receiveMessage(command -> switch (command) {
        case "stop" -> Behaviors.stopped();
        default -> throw new IllegalStateException("crashed on purpose");
      });
    }));
  }

  private void awaitUnregistered(String source) {
    freshness.awaitAssert(() -> {
      assertThat(sync().sources()).extracting(SourceFreshness::source).doesNotContain(source);
      return null;
    });
  }

  @Test
  void aSourceWhoseOwnerStopsIsDroppedAndNeverFires() {
    ActorRef<String> session = owner("session:s1");
    freshness.awaitAssert(() -> assertThat(sync().sources()).hasSize(1));

    session.tell("stop");
    awaitUnregistered("session:s1");
    passes(TIMEOUT.multipliedBy(3));

    watchdog.tell(new Watchdog.StaleMarketData(Symbol.of("BTC/USD"), Statuses.T0));
    assertThat(awaitTriggers(1)).extracting(TriggerCall::identity).containsExactly("watchdog:market-data:BTC/USD");
  }

  @Test
  void aSourceWhoseOwnerCrashesIsDroppedAndNeverFires() {
    ActorRef<String> session = owner("session:s1");
    freshness.awaitAssert(() -> assertThat(sync().sources()).hasSize(1));

    session.tell("crash");
    awaitUnregistered("session:s1");
    passes(TIMEOUT.multipliedBy(3));

    watchdog.tell(new Watchdog.StaleMarketData(Symbol.of("BTC/USD"), Statuses.T0));
    assertThat(awaitTriggers(1)).extracting(TriggerCall::identity).containsExactly("watchdog:market-data:BTC/USD");
  }

  @Test
  void aSourceReRegisteredByANewerOwnerIsKeptWhenTheOlderOwnerStops() {
    ActorRef<String> moved = owner("session:s1");
    freshness.awaitAssert(() -> assertThat(sync().sources()).hasSize(1));
    TestProbe<String> startedAgain = testKit.createTestProbe();
    watchdog.tell(new Watchdog.Register("session:s1", TIMEOUT, S1, SourceKind.SESSION, startedAgain.getRef()));
    sync();

    moved.tell("stop");
    startedAgain.expectTerminated(moved);
    assertThat(sync().sources()).extracting(SourceFreshness::source).containsExactly("session:s1");
    passes(TIMEOUT);
    assertThat(awaitTriggers(1)).extracting(TriggerCall::identity).containsExactly("watchdog:heartbeat:session:s1");
  }

  @Test
  void anOwnerOfSeveralSourcesDropsAllOfThemAndOthersStayWatched() {
    watchdog.tell(new Watchdog.Register("feed:kraken", TIMEOUT, KillSwitchScope.GLOBAL, SourceKind.MARKET_DATA));
    ActorRef<String> session = owner("session:s1");
    freshness.awaitAssert(() -> assertThat(sync().sources()).hasSize(2));

    session.tell("crash");
    awaitUnregistered("session:s1");
    passes(TIMEOUT);

    assertThat(awaitTriggers(1)).extracting(TriggerCall::identity).containsExactly("watchdog:heartbeat:feed:kraken");
  }

  @Test
  void staleMarketDataKillsTheGlobalScope() {
    watchdog.tell(new Watchdog.StaleMarketData(Symbol.of("BTC/USD"), Statuses.T0));
    TriggerCall call = awaitTriggers(1).get(0);
    assertThat(call.scope()).isEqualTo(KillSwitchScope.GLOBAL);
    assertThat(call.reason()).isEqualTo("market data for BTC/USD stale since " + Statuses.T0);
  }

  @Test
  void staleMarketDataReportedByASessionKillsThatSessionsScope() {
    watchdog.tell(new Watchdog.StaleMarketData(Symbol.of("BTC/USD"), Statuses.T0, S1));
    TriggerCall call = awaitTriggers(1).get(0);
    assertThat(call.scope()).isEqualTo(S1);
    assertThat(call.kind()).isEqualTo(TriggerKind.WATCHDOG);
  }

  @Test
  void anExhaustedRestartBudgetKillsTheGivenScope() {
    watchdog.tell(new Watchdog.RestartBudgetExhausted("strategy-runner", S1));
    TriggerCall call = awaitTriggers(1).get(0);
    assertThat(call.scope()).isEqualTo(S1);
    assertThat(call.identity()).isEqualTo("watchdog:restart-budget:strategy-runner");
  }

  @Test
  void aDroppedHeartbeatTriggerIsRetriedUntilTheSwitchRecordsIt() throws InterruptedException {
    long failuresBefore = stats().failures(TriggerSource.WATCHDOG_HEARTBEAT);
    service.failNextTriggers(2);
    watchdog.tell(new Watchdog.Register("session:s1", TIMEOUT, S1, SourceKind.SESSION));
    sync();
    passes(TIMEOUT);

    assertRetriedUntilRecorded(TriggerSource.WATCHDOG_HEARTBEAT, failuresBefore, "watchdog:heartbeat:session:s1");
  }

  @Test
  void aDroppedStaleDataTriggerIsRetriedUntilTheSwitchRecordsIt() throws InterruptedException {
    long failuresBefore = stats().failures(TriggerSource.WATCHDOG_STALE_DATA);
    service.failNextTriggers(2);
    watchdog.tell(new Watchdog.StaleMarketData(Symbol.of("BTC/USD"), Statuses.T0));

    assertRetriedUntilRecorded(TriggerSource.WATCHDOG_STALE_DATA, failuresBefore, "watchdog:market-data:BTC/USD");
  }

  @Test
  void aDroppedRestartBudgetTriggerIsRetriedUntilTheSwitchRecordsIt() throws InterruptedException {
    long failuresBefore = stats().failures(TriggerSource.WATCHDOG_RESTART_BUDGET);
    service.failNextTriggers(2);
    watchdog.tell(new Watchdog.RestartBudgetExhausted("strategy-runner", S1));

    assertRetriedUntilRecorded(TriggerSource.WATCHDOG_RESTART_BUDGET, failuresBefore,
        "watchdog:restart-budget:strategy-runner");
  }

  private KillTriggerStats stats() {
    return KillTriggerStats.get(testKit.system());
  }

  /** Two attempts fail; the retries 1 s and 2 s later are made, and the third attempt is recorded. */
  private void assertRetriedUntilRecorded(TriggerSource source, long failuresBefore, String identity)
      throws InterruptedException {
    Duration await = Duration.ofSeconds(10);
    for (int failed = 1; failed <= 2; failed++) {
      int count = failed;
      Polling.until(count + " failed attempt(s)", await, () -> stats().failures(source) - failuresBefore >= count);
      passes(Duration.ofSeconds(count));
    }
    Polling.until("the trigger recorded", await, () -> service.recordedTriggers().size() == 1);
    assertThat(service.triggers()).extracting(TriggerCall::identity).containsExactly(identity, identity, identity);
    assertThat(service.recordedTriggers()).extracting(TriggerCall::identity).containsExactly(identity);
  }

  @Test
  void theMarketDataHealthCheckPassesOnlyWhileEveryFeedBeatWithinItsTimeout() {
    MarketDataFreshCheck check = new MarketDataFreshCheck(watchdog, Duration.ofSeconds(3), testKit.scheduler());
    assertThat(run(check).detail()).isEqualTo("no market-data source registered with the watchdog");
    watchdog.tell(new Watchdog.Register("feed:kraken", TIMEOUT, KillSwitchScope.GLOBAL, SourceKind.MARKET_DATA));
    watchdog.tell(new Watchdog.Register("session:s1", Duration.ofSeconds(1), S1, SourceKind.SESSION));
    sync();
    clock.advance(Duration.ofSeconds(5));
    assertThat(run(check)).isEqualTo(
        new HealthCheckResult(MarketDataFreshCheck.NAME, true, "1 market-data source(s) fresh"));
    clock.advance(Duration.ofSeconds(6));
    assertThat(run(check)).isEqualTo(new HealthCheckResult(MarketDataFreshCheck.NAME, false,
        "stale: feed:kraken last seen PT11S ago (timeout PT10S)"));
  }

  private static HealthCheckResult run(MarketDataFreshCheck check) {
    return check.run().toCompletableFuture().join();
  }

  @Test
  void registrationCountsAsTheFirstHeartbeat() {
    watchdog.tell(new Watchdog.Register("feed:kraken", TIMEOUT, KillSwitchScope.GLOBAL, SourceKind.MARKET_DATA));
    assertThat(sync().sources()).singleElement().satisfies(s -> {
      assertThat(s.lastSeen()).isEqualTo(Statuses.T0);
      assertThat(s.age()).isEqualTo(Duration.ZERO);
    });
  }
}
