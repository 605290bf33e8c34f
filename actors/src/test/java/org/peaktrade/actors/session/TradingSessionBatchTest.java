package org.peaktrade.actors.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.actors.fixtures.SessionHarness.freshId;
import static org.peaktrade.actors.fixtures.SessionHarness.rising;
import static org.peaktrade.actors.fixtures.SessionHarness.spec;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.JournalOperation;
import org.apache.pekko.persistence.testkit.ProcessingPolicy;
import org.apache.pekko.persistence.testkit.ProcessingResult;
import org.apache.pekko.persistence.testkit.ProcessingSuccess;
import org.apache.pekko.persistence.testkit.WriteEvents;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.actors.fixtures.ControlledFeed;
import org.peaktrade.actors.marketdata.RecentBars;
import org.peaktrade.actors.fixtures.Polling;
import org.peaktrade.actors.fixtures.SessionHarness;
import org.peaktrade.actors.session.TradingSession.Event;
import org.peaktrade.engine.risk.RiskLimits;
import org.peaktrade.engine.strategy.Direction;
import org.peaktrade.engine.strategy.Strategy;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.session.MarketDataSource;
import org.peaktrade.protocol.session.SessionMode;
import org.peaktrade.protocol.session.SessionView;

/**
 * A session behind its feed gets the bars that gathered in one delivery ({@code feed-batch}), asks its strategy about
 * them at once and writes what they changed in one write; the outcome is the one of the same bars taken one at a
 * time ({@code feed-batch = 1}), a strategy failure in the middle of a delivery included. To make the gathering
 * certain, the strategy holds its answer on the first bar until the feed has handed every other bar downstream.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
class TradingSessionBatchTest {
  private static final int BARS = 200;

  @JUnit5TestKit
  final ActorTestKit testKit = new JUnit5TestKitBuilder()
      .withCustomConfig(SessionHarness.config(ConfigFactory.load())).build();

  @TempDir
  static Path dataDir;

  private SessionHarness batched;
  private SessionHarness oneByOne;
  private PersistenceTestKit journal;
  private final Map<String, AtomicInteger> writes = new ConcurrentHashMap<>();

  @BeforeAll
  void startHarnesses() {
    String common = "peaktrade.sessions { journal-batch { bars = 1000, within = 1h }, run-log = false, ";
    batched = new SessionHarness(testKit, SessionHarness.settings(dataDir, common + "feed-batch = 1000 }"));
    oneByOne = new SessionHarness(testKit, SessionHarness.settings(dataDir, common + "feed-batch = 1 }"));
    journal = PersistenceTestKit.create(testKit.system());
    journal.withPolicy(new ProcessingPolicy<JournalOperation>() {
      @Override
      public ProcessingResult tryProcess(String persistenceId, JournalOperation operation) {
        if (operation instanceof WriteEvents) {
          writes.computeIfAbsent(persistenceId, id -> new AtomicInteger()).incrementAndGet();
        }
        return ProcessingSuccess.getInstance();
      }
    });
  }

  @Test
  void barsThatGatheredWhileTheSessionWasBusyAreDecidedTogetherAndWrittenInOneWrite() throws Exception {
    String together = freshId("together");
    String alone = freshId("alone");

    ActorRef<TradingSession.Command> batchedSession = start(batched, together, () -> longBetween(20, 40, 100, 130));
    Polling.until("the last bar is written", SessionHarness.AWAIT, () -> described(together),
        events -> events.contains("bar 199"));
    int batchedWrites = writes(together);
    SessionView batchedView = batched.awaitBars(batchedSession, BARS);
    ActorRef<TradingSession.Command> reference = start(oneByOne, alone, () -> longBetween(20, 40, 100, 130));
    SessionView referenceView = oneByOne.awaitBars(reference, BARS);

    assertThat(described(together)).as("the same events, in the same order").isEqualTo(described(alone))
        .contains("TargetDecided", "Filled #4");
    assertThat(SessionJournal.fills(batched, batchedSession)).hasSize(4)
        .isEqualTo(SessionJournal.fills(oneByOne, reference));
    assertThat(batchedView.equity()).isEqualTo(referenceView.equity());
    assertThat(batchedWrites).as("Started, then the delivery of bars 1-199 with bar 0's waiting event (or, when"
        + " the feed had gathered a few bars before the first delivery, that delivery and the rest): four trades,"
        + " at most two writes").isBetween(2, 3);
    assertThat(batchedView.catchingUp()).as("the last delivery held many bars")
        .matches("catching up: took ([2-9]|[1-9]\\d+) bars at once, up to the bar of "
            + Bars.T0.plus(Duration.ofMinutes(199)));
    assertThat(referenceView.catchingUp()).as("one bar at a time: keeping up").isNull();
    assertThat(writes(alone)).as("each bar that placed or filled an order is a write of its own")
        .isGreaterThanOrEqualTo(9);
  }

  @Test
  void aStrategyFailureInTheMiddleOfADeliveryCostsThatBarOnlyAndTheFreshStrategyIsWarmedUpWithTheBarsBefore()
      throws InterruptedException {
    String together = freshId("failing-together");
    String alone = freshId("failing-alone");

    ActorRef<TradingSession.Command> batchedSession = start(batched, together, countingAndThrowingOnce(50));
    SessionView batchedView = batched.awaitBars(batchedSession, BARS);
    ActorRef<TradingSession.Command> reference = start(oneByOne, alone, countingAndThrowingOnce(50));
    SessionView referenceView = oneByOne.awaitBars(reference, BARS);

    assertThat(described(together)).contains("bar 49", "bar 50 failed", "bar 51").isEqualTo(described(alone));
    assertThat(SessionJournal.fills(batched, batchedSession))
        .as("LONG from the 30th to the 79th bar seen; bar 50 is not seen again")
        .hasSize(2).isEqualTo(SessionJournal.fills(oneByOne, reference));
    assertThat(batchedView.equity()).isEqualTo(referenceView.equity());
  }

  @Test
  void barsThatChangeNothingArrivingOneByOneCostNoWriteHoweverOftenTheViewIsAsked() throws Exception {
    String id = freshId("live-pace");
    ControlledFeed live = new ControlledFeed(testKit.system());
    ActorRef<TradingSession.Command> session = batched.spawn(batched.plan(spec(id, SessionMode.PAPER),
        () -> bar -> Direction.FLAT, RiskLimits.none(), live.bars()));
    Polling.until("the session started", SessionHarness.AWAIT, () -> writes(id) == 1);

    for (int minute = 0; minute < 100; minute++) {
      live.offer(rising(minute, minute + 1).toArray(Bar[]::new));
      long seen = minute + 1;
      // the view asked after every bar, as the cluster's view board and the node's metrics do
      Polling.until("bar " + minute + " in the view", SessionHarness.AWAIT, () -> batched.view(session).barsSeen(),
          bars -> bars == seen);
    }

    assertThat(writes(id)).as("Started only: the 100 bars wait for the checkpoint (1000 bars or an hour)")
        .isEqualTo(1);
    batched.checkpoint(session);
    assertThat(writes(id)).as("the checkpoint writes them at once").isEqualTo(2);
    assertThat(described(id)).hasSize(101).startsWith("Started", "bar 0").endsWith("bar 99");
  }

  @Test
  void aSessionFedBarsItHadProcessedSaysItIsSkippingThemUntilANewBarComes() throws Exception {
    String id = freshId("skipping");
    ActorRef<TradingSession.Command> first = start(batched, id, () -> longBetween(20, 40, 100, 130));
    batched.awaitBars(first, BARS);
    testKit.stop(first);
    ControlledFeed live = new ControlledFeed(testKit.system());

    // a feed that keeps no published bars gives a resuming session every bar again, as a replay started over does
    ActorRef<TradingSession.Command> resumed = batched.spawn(batched.plan(spec(id, SessionMode.PAPER),
        () -> longBetween(20, 40, 100, 130), RiskLimits.none(), new BarFeed(MarketDataSource.REPLAY,
            Source.from(rising(0, BARS)).concat(live.bars()))));
    String lastAgain = "up to " + Bars.T0.plus(Duration.ofMinutes(199)) + " again";
    SessionView skipping = Polling.until("the resumed session skipped the feed's last old bar", SessionHarness.AWAIT,
        () -> batched.view(resumed), view -> view.catchingUp() != null && view.catchingUp().contains(lastAgain));
    live.offer(rising(BARS, BARS + 1).toArray(Bar[]::new));
    SessionView keepingUp = batched.awaitBars(resumed, BARS + 1);

    assertThat(skipping.catchingUp()).isEqualTo("skipping bars it has already processed: the feed sent the bars up "
        + "to " + Bars.T0.plus(Duration.ofMinutes(199)) + " again (a replay resumed after a restart); its last bar is "
        + Bars.T0.plus(Duration.ofMinutes(199)));
    assertThat(skipping.barsSeen()).isEqualTo(BARS);
    assertThat(keepingUp.catchingUp()).isNull();
  }

  @Test
  void aResumingSessionGetsTheFeedsRecentBarsAfterItsLastOnePublishedBeforeItSubscribed() throws Exception {
    String id = freshId("recent");
    String straight = freshId("recent-straight");
    ActorRef<TradingSession.Command> first = oneByOne.spawn(oneByOne.plan(spec(id, SessionMode.PAPER),
        () -> longBetween(20, 40, 100, 130), RiskLimits.none(), Source.from(rising(0, 120))));
    oneByOne.awaitBars(first, 120);
    testKit.stop(first);
    RecentBars recent = new RecentBars(1024);
    rising(0, BARS).forEach(recent::add);
    ControlledFeed live = new ControlledFeed(testKit.system());

    ActorRef<TradingSession.Command> resumed = oneByOne.spawn(oneByOne.plan(spec(id, SessionMode.PAPER),
        () -> longBetween(20, 40, 100, 130), RiskLimits.none(),
        new BarFeed(MarketDataSource.REPLAY, live.bars(), recent)));
    SessionView caughtUp = oneByOne.awaitBars(resumed, BARS);
    live.offer(rising(BARS, BARS + 1).toArray(Bar[]::new));
    SessionView after = oneByOne.awaitBars(resumed, BARS + 1);
    ActorRef<TradingSession.Command> reference = oneByOne.spawn(oneByOne.plan(spec(straight, SessionMode.PAPER),
        () -> longBetween(20, 40, 100, 130), RiskLimits.none(), Source.from(rising(0, BARS + 1))));
    SessionView referenceView = oneByOne.awaitBars(reference, BARS + 1);

    assertThat(caughtUp.lastBarOpen()).isEqualTo(Bars.T0.plus(Duration.ofMinutes(BARS - 1)));
    assertThat(SessionJournal.fills(oneByOne, resumed)).hasSize(4)
        .isEqualTo(SessionJournal.fills(oneByOne, reference));
    assertThat(after.equity()).isEqualTo(referenceView.equity());
    assertThat(SessionJournal.described(journal, id)).isEqualTo(SessionJournal.described(journal, straight));
  }

  /**
   * Starts a session on bars 0-199. On the batched harness its strategy holds bar 0 until the feed has emitted every
   * bar (gathered downstream while the session waits); one bar at a time, the feed cannot run ahead, so nothing is
   * held.
   */
  private ActorRef<TradingSession.Command> start(SessionHarness harness, String id, Supplier<Strategy> strategy)
      throws InterruptedException {
    if (harness == oneByOne) {
      return harness.spawn(harness.plan(spec(id, SessionMode.PAPER), strategy, RiskLimits.none(),
          Source.from(rising(0, BARS))));
    }
    CountDownLatch emitted = new CountDownLatch(1);
    Source<Bar, NotUsed> bars = Source.from(rising(0, BARS)).watchTermination((mat, done) -> {
      done.thenRun(emitted::countDown);
      return NotUsed.notUsed();
    });
    Supplier<Strategy> holding = () -> {
      Strategy inner = strategy.get();
      return bar -> {
        if (bar.openTime().equals(Bars.T0)) {
          await(emitted);
        }
        return inner.onBar(bar);
      };
    };
    ActorRef<TradingSession.Command> session = harness.spawn(harness.plan(spec(id, SessionMode.PAPER), holding,
        RiskLimits.none(), bars));
    assertThat(emitted.await(SessionHarness.AWAIT.toSeconds(), TimeUnit.SECONDS)).as("the feed emitted").isTrue();
    return session;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(SessionHarness.AWAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** LONG on minutes [from1, to1) and [from2, to2), FLAT otherwise: two round trips, four fills. */
  private static Strategy longBetween(long from1, long to1, long from2, long to2) {
    return bar -> {
      long minute = Duration.between(Bars.T0, bar.openTime()).toMinutes();
      return minute >= from1 && minute < to1 || minute >= from2 && minute < to2 ? Direction.LONG : Direction.FLAT;
    };
  }

  /**
   * LONG while this instance has seen 30 to 79 bars (a fresh one decides as an uninterrupted one only when shown the
   * earlier bars again); every instance together throws once, on the bar of {@code minute}.
   */
  private static Supplier<Strategy> countingAndThrowingOnce(long minute) {
    AtomicInteger throwsLeft = new AtomicInteger(1);
    return () -> new Strategy() {
      private int seen;

      @Override
      public Direction onBar(Bar bar) {
        if (Duration.between(Bars.T0, bar.openTime()).toMinutes() == minute && throwsLeft.getAndDecrement() > 0) {
          throw new IllegalStateException("scripted failure on minute " + minute);
        }
        seen++;
        return seen >= 30 && seen < 80 ? Direction.LONG : Direction.FLAT;
      }
    };
  }

  private int writes(String id) {
    return writes.getOrDefault(TradingSession.persistenceId(id).id(), new AtomicInteger()).get();
  }

  private List<String> described(String id) {
    return SessionJournal.described(journal, id);
  }
}
