package org.peaktrade.actors.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.actors.fixtures.SessionHarness.freshId;
import static org.peaktrade.actors.fixtures.SessionHarness.rising;
import static org.peaktrade.actors.fixtures.SessionHarness.spec;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
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
import org.peaktrade.actors.session.TradingSession.Event;
import org.peaktrade.engine.risk.RiskLimits;
import org.peaktrade.engine.strategy.Strategy;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.session.EquityPoint;
import org.peaktrade.protocol.session.SessionMode;
import org.peaktrade.protocol.session.SessionView;

/**
 * Bars that change nothing wait in memory and go to the journal with the next write ({@code journal-batch}: here 4
 * bars or an hour): what waits (shown in the view without a write), what writes it, and that bars lost with their
 * incarnation before they were written are processed again with the same result; what one write puts in the journal
 * (one row), and that a journal of one event per row (as written before stop 34) recovers the same session. Journal
 * lines are the event type, the bar's minute or the order's number.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
class TradingSessionJournalBatchTest {
  @JUnit5TestKit
  final ActorTestKit testKit = new JUnit5TestKitBuilder()
      .withCustomConfig(SessionHarness.config(ConfigFactory.load())).build();

  @TempDir
  static Path dataDir;

  private SessionHarness harness;
  private PersistenceTestKit journal;

  @BeforeAll
  void startHarness() {
    harness = new SessionHarness(testKit, SessionHarness.settings(dataDir,
        "peaktrade.sessions { journal-batch { bars = 4, within = 1h }, run-log = false }"));
    journal = PersistenceTestKit.create(testKit.system());
  }

  @Test
  void barsThatChangeNothingWaitAndTheViewEquityAndPositionsShowThemWithoutAWrite() throws InterruptedException {
    String id = freshId("waits");
    List<Instant> seen = new CopyOnWriteArrayList<>();
    ControlledFeed feed = new ControlledFeed(testKit.system());
    ActorRef<TradingSession.Command> session = harness.spawn(plan(id, recordingLongBetween(seen, 50, 60),
        feed.bars()));

    feed.offer(rising(0, 3).toArray(Bar[]::new));
    awaitSeen(seen, 2);
    awaitJournal(id, List.of("Started"));
    SessionView view = harness.view(session);
    TestProbe<List<EquityPoint>> equity = testKit.createTestProbe();
    session.tell(new TradingSession.GetEquity(equity.ref()));

    assertThat(view.barsSeen()).isEqualTo(3);
    assertThat(view.lastBarOpen()).isEqualTo(Bars.T0.plus(Duration.ofMinutes(2)));
    assertThat(equity.receiveMessage()).extracting(EquityPoint::time)
        .containsExactly(Bars.T0.plus(Duration.ofMinutes(1)), Bars.T0.plus(Duration.ofMinutes(2)),
            Bars.T0.plus(Duration.ofMinutes(3)));
    assertThat(described(id)).containsExactly("Started");
  }

  @Test
  void aFullBatchIsWrittenWithoutBeingAsked() throws InterruptedException {
    String id = freshId("full");
    List<Instant> seen = new CopyOnWriteArrayList<>();
    ControlledFeed feed = new ControlledFeed(testKit.system());
    harness.spawn(plan(id, recordingLongBetween(seen, 50, 60), feed.bars()));

    feed.offer(rising(0, 3).toArray(Bar[]::new));
    awaitSeen(seen, 2);
    feed.offer(rising(3, 5).toArray(Bar[]::new));

    awaitJournal(id, List.of("Started", "bar 0", "bar 1", "bar 2", "bar 3"));
  }

  @Test
  void aBarThatTradesWritesTheWaitingBarsFirstThenItsOwnEvents() throws InterruptedException {
    String id = freshId("trades");
    List<Instant> seen = new CopyOnWriteArrayList<>();
    ControlledFeed feed = new ControlledFeed(testKit.system());
    harness.spawn(plan(id, recordingLongBetween(seen, 2, 60), feed.bars()));

    feed.offer(rising(0, 3).toArray(Bar[]::new));

    awaitJournal(id, List.of("Started", "bar 0", "bar 1", "bar 2", "TargetDecided", "Placed #1", "RiskChecked #1",
        "Accepted #1"));
  }

  @Test
  void barsLostWithTheirIncarnationBeforeTheyWereWrittenAreProcessedAgainWithTheSameResult()
      throws InterruptedException {
    List<Instant> seen = new CopyOnWriteArrayList<>();
    Supplier<Strategy> strategy = recordingLongBetween(seen, 3, 5);
    String interrupted = freshId("interrupted");
    String straight = freshId("straight");
    ActorRef<TradingSession.Command> first = harness.spawn(plan(interrupted, strategy, Source.from(rising(0, 9))));
    awaitSeen(seen, 8);
    awaitJournalContains(interrupted, "Filled #2");
    testKit.stop(first);
    List<String> written = described(interrupted);

    ActorRef<TradingSession.Command> resumed = harness.spawn(plan(interrupted, strategy, Source.from(rising(0, 12))));
    ActorRef<TradingSession.Command> uninterrupted = harness.spawn(plan(straight, strategy,
        Source.from(rising(0, 12))));
    SessionView after = harness.awaitBars(resumed, 12);
    SessionView reference = harness.awaitBars(uninterrupted, 12);

    assertThat(written).as("bars 7 and 8 changed nothing and were still waiting").doesNotContain("bar 7", "bar 8")
        .contains("bar 6");
    assertThat(described(interrupted)).isEqualTo(described(straight));
    assertThat(SessionJournal.fills(harness, resumed)).isNotEmpty()
        .isEqualTo(SessionJournal.fills(harness, uninterrupted));
    assertThat(after.cash()).isEqualTo(reference.cash());
    assertThat(after.equity()).isEqualTo(reference.equity());
    assertThat(after.barsSeen()).isEqualTo(12);
  }

  @Test
  void writesTheEventsOfOneWriteAsOneJournalRowAndASingleEventAsItself() throws InterruptedException {
    String id = freshId("rows");
    List<Instant> seen = new CopyOnWriteArrayList<>();
    ControlledFeed feed = new ControlledFeed(testKit.system());
    harness.spawn(plan(id, recordingLongBetween(seen, 2, 60), feed.bars()));

    feed.offer(rising(0, 3).toArray(Bar[]::new));
    awaitJournalContains(id, "Accepted #1");

    List<Object> rows = journal.persistedInStorage(TradingSession.persistenceId(id).id());
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).isInstanceOf(Event.Started.class);
    assertThat(rows.get(1)).isInstanceOfSatisfying(Event.Batch.class, batch -> assertThat(batch.events())
        .extracting(event -> event.getClass().getSimpleName())
        .containsExactly("BarsProcessed", "TargetDecided", "OrderUpdated", "RiskChecked", "OrderUpdated"));
  }

  @Test
  void recoversAJournalWrittenOneEventPerRowAsTheSameSession() throws InterruptedException {
    String id = freshId("per-row");
    List<Instant> seen = new CopyOnWriteArrayList<>();
    Supplier<Strategy> strategy = recordingLongBetween(seen, 2, 5);
    ActorRef<TradingSession.Command> first = harness.spawn(plan(id, strategy, Source.from(rising(0, 8))));
    awaitSeen(seen, 7);
    awaitJournalContains(id, "Filled #2");
    SessionView before = harness.view(first);
    List<String> fillsBefore = SessionJournal.fills(harness, first);
    testKit.stop(first);
    String persistenceId = TradingSession.persistenceId(id).id();
    List<Event> perRow = journal.persistedInStorage(persistenceId).stream().map(Event.class::cast)
        .flatMap(event -> Event.expand(event).stream()).toList();
    assertThat(journal.persistedInStorage(persistenceId)).hasSizeLessThan(perRow.size());
    journal.clearByPersistenceId(persistenceId);
    journal.persistForRecovery(persistenceId, List.copyOf(perRow));

    ActorRef<TradingSession.Command> resumed = harness.spawn(plan(id, strategy, Source.from(rising(0, 8))));
    SessionView after = harness.awaitBars(resumed, before.barsSeen());

    assertThat(after.cash()).isEqualTo(before.cash());
    assertThat(after.equity()).isEqualTo(before.equity());
    assertThat(after.orders()).isEqualTo(before.orders());
    assertThat(after.fills()).isEqualTo(before.fills()).isEqualTo(2);
    assertThat(SessionJournal.fills(harness, resumed)).isEqualTo(fillsBefore);
  }

  private SessionPlan plan(String id, Supplier<Strategy> strategy, Source<Bar, ?> bars) {
    return harness.plan(spec(id, SessionMode.PAPER), strategy, RiskLimits.none(),
        bars.mapMaterializedValue(m -> NotUsed.notUsed()));
  }

  /** LONG on minutes [from, to), FLAT otherwise; every instance records the bars it decides on in {@code seen}. */
  private static Supplier<Strategy> recordingLongBetween(List<Instant> seen, long from, long to) {
    Supplier<Strategy> inner = ScriptedStrategies.longBetween(from, to);
    return () -> {
      Strategy strategy = inner.get();
      return bar -> {
        seen.add(bar.openTime());
        return strategy.onBar(bar);
      };
    };
  }

  private static void awaitSeen(List<Instant> seen, long minute) throws InterruptedException {
    Instant open = Bars.T0.plus(Duration.ofMinutes(minute));
    Polling.until("the strategy decided on minute " + minute, SessionHarness.AWAIT, () -> List.copyOf(seen),
        decided -> decided.contains(open));
  }

  private void awaitJournal(String id, List<String> expected) throws InterruptedException {
    Polling.until("the journal of " + id + " is " + expected, SessionHarness.AWAIT, () -> described(id),
        expected::equals);
  }

  private void awaitJournalContains(String id, String line) throws InterruptedException {
    Polling.until("the journal of " + id + " holds " + line, SessionHarness.AWAIT, () -> described(id),
        lines -> lines.contains(line));
  }

  private List<String> described(String id) {
    return SessionJournal.described(journal, id);
  }
}
