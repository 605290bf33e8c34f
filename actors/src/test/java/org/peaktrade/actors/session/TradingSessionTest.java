package org.peaktrade.actors.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.actors.fixtures.SessionHarness.freshId;
import static org.peaktrade.actors.fixtures.SessionHarness.rising;
import static org.peaktrade.actors.fixtures.SessionHarness.spec;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.actors.fixtures.ControlledFeed;
import org.peaktrade.actors.fixtures.Polling;
import org.peaktrade.actors.fixtures.ScriptedStrategies;
import org.peaktrade.actors.fixtures.SessionHarness;
import org.peaktrade.actors.fixtures.Statuses;
import org.peaktrade.actors.marketdata.PublishedBars;
import org.peaktrade.actors.marketdata.RecentBars;
import org.peaktrade.actors.risk.RiskEvent;
import org.peaktrade.actors.watchdog.Watchdog;
import org.peaktrade.engine.risk.RiskLimits;
import org.peaktrade.engine.session.RunLogEntry;
import org.peaktrade.engine.session.RunLogJson;
import org.peaktrade.engine.strategy.Strategy;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.OrderStatus;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.risk.RiskCheck;
import org.peaktrade.protocol.session.MarketDataSource;
import org.peaktrade.protocol.session.OrderView;
import org.peaktrade.protocol.session.SessionMode;
import org.peaktrade.protocol.session.SessionStatus;
import org.peaktrade.protocol.session.SessionView;

/**
 * One session over the in-memory journal with serialization on (every event and snapshot round-trips through
 * Jackson CBOR), fed scripted strategies and flat bars priced 100 + minute: orders, risk and kill-switch blocks,
 * stop (which leaves the feed), restarts from the journal and the run log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
class TradingSessionTest {
  @JUnit5TestKit
  final ActorTestKit testKit = new JUnit5TestKitBuilder()
      .withCustomConfig(SessionHarness.config(ConfigFactory.load())).build();

  @TempDir
  static Path dataDir;

  private SessionHarness harness;

  @BeforeAll
  void startHarness() {
    harness = new SessionHarness(testKit,
        SessionHarness.settings(dataDir, "peaktrade.sessions { snapshot-every = 4, recovery-bars = 5 }"));
  }

  private SessionPlan plan(String id, Supplier<Strategy> strategy, List<Bar> bars) {
    return plan(id, strategy, RiskLimits.none(), Source.from(bars));
  }

  private SessionPlan plan(String id, Supplier<Strategy> strategy, RiskLimits risk, Source<Bar, ?> bars) {
    return harness.plan(spec(id, SessionMode.PAPER), strategy, risk, bars.mapMaterializedValue(m -> NotUsed.notUsed()));
  }

  @Test
  void aLongWindowBuysAtTheNextOpenAndSellsAfterIt() {
    String id = freshId("window");
    ActorRef<TradingSession.Command> session =
        harness.spawn(plan(id, ScriptedStrategies.longBetween(2, 4), rising(0, 7)));

    SessionView view = harness.awaitBars(session, 7);

    List<Fill> fills = harness.ask(session, TradingSession.GetFills::new);
    assertThat(fills).extracting(f -> f.orderId().value() + " " + f.side() + " " + f.price() + " " + f.time())
        .containsExactly(id + "-1 BUY 103 " + Bars.T0.plusSeconds(180), id + "-2 SELL 105 " + Bars.T0.plusSeconds(300));
    assertThat(view.status()).isEqualTo(SessionStatus.RUNNING);
    assertThat(view.cash()).isEqualTo(Money.of("10002"));
    assertThat(view.equity()).isEqualTo(Money.of("10002"));
    assertThat(view.realizedPnl()).isEqualTo(Money.of("2"));
    assertThat(view.fills()).isEqualTo(2);
    assertThat(harness.ask(session, TradingSession.GetEquity::new)).hasSize(7);
  }

  @Test
  void anOrderTheRiskGateBlocksIsRejectedWithItsViolations() {
    String id = freshId("risk");
    RiskLimits limits = RiskLimits.builder().maxOrderNotional("50").build();
    ActorRef<TradingSession.Command> session = harness.spawn(
        plan(id, ScriptedStrategies.longBetween(2, 10), limits, Source.from(rising(0, 5))));

    SessionView view = harness.awaitBars(session, 5);

    List<OrderView> orders = harness.ask(session, TradingSession.GetOrders::new);
    assertThat(orders).singleElement().satisfies(order -> {
      assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
      assertThat(order.reason()).startsWith("risk: ").contains("50");
    });
    assertThat(view.fills()).isZero();
    assertThat(view.position()).isZero();
    RiskEvent alert = harness.riskEvents.fishForMessage(SessionHarness.AWAIT,
        event -> event instanceof RiskEvent.Alerted a && a.sessionId().equals(id)
            ? FishingOutcomes.complete() : FishingOutcomes.continueAndIgnore()).get(0);
    assertThat(((RiskEvent.Alerted) alert).decision().violations())
        .extracting(v -> v.check()).contains(RiskCheck.MAX_ORDER_NOTIONAL);
  }

  @Test
  void aKilledSessionSwitchRejectsEveryNewOrderWithTheGatesReason() {
    String id = freshId("killed");
    harness.killSwitch.answerStatus(Statuses.killed(KillSwitchScope.session(id), 2));
    ControlledFeed feed = new ControlledFeed(testKit.system());
    ActorRef<TradingSession.Command> session = testKit.spawn(TradingSession.create(
        plan(id, ScriptedStrategies.longBetween(1, 10), RiskLimits.none(), feed.bars()), harness.deps()));
    harness.watchdog.awaitAssert(SessionHarness.AWAIT, () -> {
      assertThat(harness.gateView.check(id).reason()).startsWith("KILLED");
      return null;
    });

    feed.offer(rising(0, 3).toArray(Bar[]::new));
    harness.awaitBars(session, 3);

    assertThat(harness.ask(session, TradingSession.GetOrders::new)).singleElement().satisfies(order -> {
      assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
      assertThat(order.reason()).isEqualTo("kill switch session:" + id + ": KILLED by MANUAL (ops@x): fat finger");
    });
  }

  @Test
  void aKillAfterAnOrderRestsCancelsIt() {
    String id = freshId("kill-cancels");
    ControlledFeed feed = new ControlledFeed(testKit.system());
    ActorRef<TradingSession.Command> session =
        harness.spawn(plan(id, ScriptedStrategies.longBetween(1, 10), RiskLimits.none(), feed.bars()));
    harness.watchdog.awaitAssert(SessionHarness.AWAIT, () -> {
      assertThat(harness.gateView.check(id).allowed()).isTrue();
      return null;
    });
    feed.offer(rising(0, 2).toArray(Bar[]::new));
    harness.awaitBars(session, 2);

    KillSwitchStatus killed = Statuses.killed(KillSwitchScope.session(id), 2);
    harness.killSwitch.answerStatus(killed);
    harness.statusTopic.tell(Topic.publish(killed));

    harness.watchdog.awaitAssert(SessionHarness.AWAIT, () -> {
      List<OrderView> orders = harness.ask(session, TradingSession.GetOrders::new);
      assertThat(orders).singleElement().satisfies(order -> {
        assertThat(order.status()).as("status (reason: %s)", order.reason()).isEqualTo(OrderStatus.CANCELED);
        assertThat(order.reason()).startsWith("kill switch session:" + id);
      });
      return null;
    });
  }

  @Test
  void stoppingCancelsRestingOrdersEndsTradingAndKeepsTheHistory() {
    String id = freshId("stop");
    ControlledFeed feed = new ControlledFeed(testKit.system());
    ActorRef<TradingSession.Command> session =
        harness.spawn(plan(id, ScriptedStrategies.longBetween(1, 10), RiskLimits.none(), feed.bars()));
    feed.offer(rising(0, 2).toArray(Bar[]::new));
    harness.awaitBars(session, 2);

    SessionView stopped = harness.ask(session, replyTo -> new TradingSession.Stop("test over", replyTo));

    assertThat(stopped.status()).isEqualTo(SessionStatus.STOPPED);
    assertThat(stopped.statusReason()).isEqualTo("test over");
    assertThat(stopped.openOrders()).isZero();
    assertThat(harness.ask(session, TradingSession.GetOrders::new)).singleElement()
        .satisfies(order -> assertThat(order.reason()).isEqualTo("session stopped: test over"));
    harness.watchdog.fishForMessage(SessionHarness.AWAIT, message ->
        message.equals(new Watchdog.Unregister("session:" + id))
            ? FishingOutcomes.complete() : FishingOutcomes.continueAndIgnore());
  }

  @Test
  void aRestartedSessionContinuesItsOrderIdsLedgerAndStrategyAsIfUninterrupted() {
    Supplier<Strategy> strategy = ScriptedStrategies.countingLongBetween(3, 8);
    String interrupted = freshId("interrupted");
    String straight = freshId("straight");
    ActorRef<TradingSession.Command> first = harness.spawn(plan(interrupted, strategy, rising(0, 5)));
    harness.awaitBars(first, 5);
    testKit.stop(first);

    ActorRef<TradingSession.Command> resumed = harness.spawn(plan(interrupted, strategy, rising(0, 12)));
    ActorRef<TradingSession.Command> uninterrupted = harness.spawn(plan(straight, strategy, rising(0, 12)));
    SessionView after = harness.awaitBars(resumed, 12);
    SessionView reference = harness.awaitBars(uninterrupted, 12);

    assertThat(fillsWithoutOwner(resumed)).isNotEmpty().containsExactlyElementsOf(fillsWithoutOwner(uninterrupted));
    assertThat(after.cash()).isEqualTo(reference.cash());
    assertThat(after.equity()).isEqualTo(reference.equity());
    assertThat(after.position()).isEqualByComparingTo(reference.position());
    assertThat(harness.ask(resumed, TradingSession.GetOrders::new)).extracting(o -> o.order().id().value())
        .containsExactly(interrupted + "-1", interrupted + "-2");
  }

  @Test
  void aFreshStrategyIsShownOnlyTheLastRecoveryBarsBars() {
    List<List<Instant>> seen = new CopyOnWriteArrayList<>();
    String id = freshId("warm-up");
    ActorRef<TradingSession.Command> first = harness.spawn(plan(id, ScriptedStrategies.recording(seen),
        rising(0, 8)));
    harness.awaitBars(first, 8);
    testKit.stop(first);

    ActorRef<TradingSession.Command> resumed = harness.spawn(plan(id, ScriptedStrategies.recording(seen),
        rising(0, 9)));
    harness.awaitBars(resumed, 9);

    assertThat(seen).hasSize(2);
    assertThat(seen.get(1)).containsExactlyElementsOf(rising(3, 9).stream().map(Bar::openTime).toList());
  }

  @Test
  void aRestartedStrategyIsWarmedUpWithThePublishedBarsFromTheSessionsFirstBarOnNotTheOlderOnes() {
    List<List<Instant>> seen = new CopyOnWriteArrayList<>();
    String id = freshId("warm-up-published");
    RecentBars published = new RecentBars(1_000);
    rising(0, 5).forEach(published::add);
    runAndStop(id, seen, published, rising(5, 10));

    ControlledFeed secondFeed = new ControlledFeed(testKit.system());
    ActorRef<TradingSession.Command> resumed = harness.spawn(harness.plan(spec(id, SessionMode.PAPER),
        ScriptedStrategies.recording(seen), RiskLimits.none(), publishing(secondFeed, published, published)));
    secondFeed.offer(rising(10, 11).toArray(Bar[]::new));
    harness.awaitBars(resumed, 6);

    assertThat(seen).hasSize(2);
    assertThat(seen.get(0)).containsExactlyElementsOf(opens(rising(5, 10)));
    assertThat(seen.get(1)).as("the bars before the session's first one are published, never shown to it")
        .containsExactlyElementsOf(opens(rising(5, 11)));
  }

  @Test
  void aWarmUpThatCannotBeReadIsReadAgainAndTheStrategyDecidesOnlyOnceItHasIt() {
    List<List<Instant>> seen = new CopyOnWriteArrayList<>();
    String id = freshId("warm-up-retried");
    RecentBars published = new RecentBars(1_000);
    runAndStop(id, seen, published, rising(0, 5));
    AtomicInteger reads = new AtomicInteger();
    PublishedBars failingOnce = new PublishedBars() {
      @Override
      public CompletionStage<List<Bar>> after(Instant lastOpen) {
        return published.after(lastOpen);
      }

      /** The warm-up's reads (from before the first bar; the feed's own gap reads start later) fail once. */
      @Override
      public CompletionStage<List<Bar>> between(Instant after, Instant before) {
        if (after.isBefore(Bars.T0) && reads.incrementAndGet() == 1) {
          return CompletableFuture.failedFuture(new IllegalStateException("store down"));
        }
        return published.between(after, before);
      }
    };

    ControlledFeed secondFeed = new ControlledFeed(testKit.system());
    ActorRef<TradingSession.Command> resumed = harness.spawn(harness.plan(spec(id, SessionMode.PAPER),
        ScriptedStrategies.recording(seen), RiskLimits.none(), publishing(secondFeed, published, failingOnce)));
    secondFeed.offer(rising(5, 6).toArray(Bar[]::new));
    harness.awaitBars(resumed, 6);

    assertThat(reads.get()).as("the warm-up's failed read and the one a second later").isEqualTo(2);
    assertThat(seen).hasSize(2);
    assertThat(seen.get(1)).containsExactlyElementsOf(opens(rising(0, 6)));
  }

  /** Runs session {@code id} (recording into {@code seen}) on {@code bars}, each published first, then stops it. */
  private void runAndStop(String id, List<List<Instant>> seen, RecentBars published, List<Bar> bars) {
    ControlledFeed feed = new ControlledFeed(testKit.system());
    ActorRef<TradingSession.Command> session = harness.spawn(harness.plan(spec(id, SessionMode.PAPER),
        ScriptedStrategies.recording(seen), RiskLimits.none(), publishing(feed, published, published)));
    feed.offer(bars.toArray(Bar[]::new));
    harness.awaitBars(session, bars.size());
    testKit.stop(session);
  }

  /**
   * {@code feed}'s bars, each kept in {@code kept} before it is delivered, as a node's feed stores them; a resuming
   * session reads them through {@code read} (usually {@code kept} itself).
   */
  private static BarFeed publishing(ControlledFeed feed, RecentBars kept, PublishedBars read) {
    return new BarFeed(MarketDataSource.REPLAY, feed.bars().map(bar -> {
      kept.add(bar);
      return bar;
    }), read);
  }

  private static List<Instant> opens(List<Bar> bars) {
    return bars.stream().map(Bar::openTime).toList();
  }

  @Test
  void runLogLinesAreWrittenOnceAndNeverAgainWhenTheSessionRecovers() throws IOException {
    String id = freshId("run-log");
    ActorRef<TradingSession.Command> first =
        harness.spawn(plan(id, ScriptedStrategies.longBetween(2, 4), rising(0, 7)));
    harness.awaitBars(first, 7);
    Path file = harness.settings.runLogFile(id);
    List<String> written = Files.readAllLines(file);
    testKit.stop(first);

    ActorRef<TradingSession.Command> resumed =
        harness.spawn(plan(id, ScriptedStrategies.longBetween(2, 4), rising(0, 7)));
    harness.awaitBars(resumed, 7);
    harness.view(resumed);

    assertThat(Files.readAllLines(file)).isEqualTo(written);
    List<RunLogEntry> entries = written.stream().map(RunLogJson::parse).toList();
    assertThat(entries).extracting(e -> e.getClass().getSimpleName()).containsExactly(
        "StatusEntry",
        "DecisionEntry", "OrderEntry", "TransitionEntry", "RiskEntry", "TransitionEntry",
        "FillEntry", "TransitionEntry",
        "DecisionEntry", "OrderEntry", "TransitionEntry", "RiskEntry", "TransitionEntry",
        "FillEntry", "TransitionEntry");
    assertThat(entries).allMatch(e -> e.session().equals(id));
  }

  private List<String> fillsWithoutOwner(ActorRef<TradingSession.Command> session) {
    List<Fill> fills = harness.ask(session, TradingSession.GetFills::new);
    return fills.stream().map(f -> f.orderId().value().replaceFirst("^.*-(\\d+)$", "$1") + " " + f.side() + " "
        + f.quantity() + " @ " + f.price() + " " + f.fee() + " " + f.time()).toList();
  }

  /** A feed that never sends a bar; each subscription adds its termination to {@code ends}. */
  private static Source<Bar, ?> silentFeed(List<CompletionStage<Done>> ends) {
    return Source.<Bar>never().watchTermination((notUsed, done) -> {
      ends.add(done);
      return NotUsed.getInstance();
    });
  }

  /**
   * The feed subscription runs on the system's materializer, so nothing of the session's own ends it: the session
   * leaves it when it stops (and the sink watches the session).
   */
  @Test
  void leavesItsFeedWhenStopped() throws Exception {
    List<CompletionStage<Done>> ends = new CopyOnWriteArrayList<>();
    ActorRef<TradingSession.Command> session =
        harness.spawn(plan(freshId("feed"), ScriptedStrategies.longBetween(1, 2), RiskLimits.none(), silentFeed(ends)));
    Polling.until("the session's subscription", SessionHarness.AWAIT, () -> ends.size() == 1);
    harness.view(session);
    harness.view(session);
    assertThat(ends).hasSize(1);
    assertThat(ends.get(0).toCompletableFuture()).isNotDone();

    testKit.stop(session);

    Polling.until("the subscription ended", SessionHarness.AWAIT, () -> ends.get(0).toCompletableFuture().isDone());
    assertThat(ends).hasSize(1);
  }
}
