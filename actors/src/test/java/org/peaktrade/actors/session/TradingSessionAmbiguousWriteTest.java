package org.peaktrade.actors.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.actors.fixtures.SessionHarness.freshId;
import static org.peaktrade.actors.fixtures.SessionHarness.rising;
import static org.peaktrade.actors.fixtures.SessionHarness.spec;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.LandedButFailedJournal;
import org.peaktrade.actors.fixtures.ScriptedStrategies;
import org.peaktrade.actors.fixtures.SessionHarness;
import org.peaktrade.engine.risk.RiskLimits;
import org.peaktrade.engine.session.RunLogEntry;
import org.peaktrade.engine.session.RunLogJson;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.OrderEvent;
import org.peaktrade.protocol.OrderStatus;
import org.peaktrade.protocol.risk.RiskDecision;
import org.peaktrade.protocol.session.OrderView;
import org.peaktrade.protocol.session.SessionMode;
import org.peaktrade.protocol.session.SessionView;

/**
 * A PAPER session on a journal that stores a write and then answers it as failed ({@link LandedButFailedJournal}):
 * the session restarts, reads its journal back, and goes on from what landed. No client order id is used twice,
 * a fresh incarnation recovers exactly what the session acknowledged over its API, and the run log tells the same
 * story as the API and the journal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
class TradingSessionAmbiguousWriteTest {
  @JUnit5TestKit
  final ActorTestKit testKit = new JUnit5TestKitBuilder().withCustomConfig(LandedButFailedJournal.config(
      PersistenceTestKitSnapshotPlugin.config().withFallback(ConfigFactory.load()))).build();

  @TempDir
  static Path dataDir;

  private SessionHarness harness;

  @BeforeAll
  void startHarness() {
    harness = new SessionHarness(testKit, SessionHarness.settings(dataDir, ""));
  }

  /** Acknowledged over the API: orders, fills and the view. */
  private record Acknowledged(List<OrderView> orders, List<Fill> fills, SessionView view) {}

  private Acknowledged acknowledged(ActorRef<TradingSession.Command> session) {
    return new Acknowledged(harness.ask(session, TradingSession.GetOrders::new),
        harness.ask(session, TradingSession.GetFills::new), harness.view(session));
  }

  private SessionPlan plan(String id, long bars) {
    return harness.plan(spec(id, SessionMode.PAPER), ScriptedStrategies.longBetween(2, 6), RiskLimits.none(),
        Source.from(rising(0, bars)).mapMaterializedValue(m -> NotUsed.notUsed()));
  }

  private static Predicate<Object> orderEvent(Class<? extends OrderEvent> type) {
    return event -> event instanceof TradingSession.Event.OrderUpdated updated && type.isInstance(updated.change());
  }

  private static Predicate<Object> riskChecked() {
    return TradingSession.Event.RiskChecked.class::isInstance;
  }

  /** The journal of {@code id} as one line per event: its type, and the order it is about. */
  private static List<String> journal(String id) {
    return LandedButFailedJournal.events(TradingSession.persistenceId(id).id()).stream().map(event -> {
      if (event instanceof TradingSession.Event.OrderUpdated updated) {
        return updated.change().getClass().getSimpleName() + " " + updated.change().orderId().value();
      }
      if (event instanceof TradingSession.Event.TargetDecided decided) {
        return "TargetDecided " + decided.target() + " " + decided.orders().stream().map(o -> o.value()).toList();
      }
      if (event instanceof TradingSession.Event.RiskChecked checked) {
        return "RiskChecked " + checked.orderId().value();
      }
      return event.getClass().getSimpleName();
    }).toList();
  }

  /**
   * Runs a session over 10 bars (LONG from minute 2 to 6) with the first write holding an event {@code failing}
   * matches landing but answered as failed; checks that no order id was used twice, that a fresh incarnation
   * recovers what the session acknowledged, and that the run log agrees with the API and the journal; answers the
   * journal, with the order ids relative to the session ({@code #1} for {@code <id>-1}).
   */
  private List<String> runWithAnAmbiguousWrite(String prefix, Predicate<Object> failing) throws IOException {
    return runWithAFailedWrite(prefix, failing, true);
  }

  /** As {@link #runWithAnAmbiguousWrite}; {@code landed} false: the failed write is not stored either. */
  private List<String> runWithAFailedWrite(String prefix, Predicate<Object> failing, boolean landed)
      throws IOException {
    String id = freshId(prefix);
    String persistenceId = TradingSession.persistenceId(id).id();
    if (landed) {
      LandedButFailedJournal.landButFailNextWrite(persistenceId, failing);
    } else {
      LandedButFailedJournal.failNextWrite(persistenceId, failing);
    }
    ActorRef<TradingSession.Command> session = harness.spawn(plan(id, 10));
    harness.awaitBars(session, 10);
    Acknowledged before = acknowledged(session);

    assertThat(LandedButFailedJournal.landedButFailed(persistenceId)).isEqualTo(1);
    List<String> journal = journal(id);
    List<String> placed = journal.stream().filter(line -> line.startsWith("Placed ")).toList();
    assertThat(placed).doesNotHaveDuplicates();
    assertThat(before.orders()).extracting(order -> "Placed " + order.order().id().value())
        .containsExactlyElementsOf(placed);

    testKit.stop(session);
    ActorRef<TradingSession.Command> recovered = harness.spawn(plan(id, 10));
    harness.awaitBars(recovered, 10);
    assertThat(acknowledged(recovered)).isEqualTo(before);

    List<RunLogEntry> runLog = Files.readAllLines(harness.settings.runLogFile(id)).stream()
        .map(RunLogJson::parse).toList();
    assertThat(runLog).filteredOn(RunLogEntry.OrderEntry.class::isInstance)
        .extracting(entry -> "Placed " + ((RunLogEntry.OrderEntry) entry).orderId().value())
        .containsExactlyElementsOf(placed);
    assertThat(runLog).filteredOn(RunLogEntry.FillEntry.class::isInstance)
        .extracting(entry -> ((RunLogEntry.FillEntry) entry).orderId())
        .containsExactlyElementsOf(before.fills().stream().map(Fill::orderId).toList());
    assertThat(runLog).filteredOn(RunLogEntry.TransitionEntry.class::isInstance)
        .extracting(entry -> ((RunLogEntry.TransitionEntry) entry).orderId().value())
        .containsExactlyElementsOf(journal.stream().filter(line -> line.matches("^[A-Z][a-z]+ " + id + "-\\d+$")
            && !line.startsWith("RiskChecked")).map(line -> line.substring(line.indexOf(' ') + 1)).toList());
    return journal.stream().map(line -> line.replace(id + "-", "#")).toList();
  }

  @Test
  void neverReusesAClientOrderIdAfterAWriteThatLandedButFailed() throws IOException {
    assertThat(runWithAnAmbiguousWrite("placed", orderEvent(OrderEvent.Placed.class))).containsExactly(
        "Started", "BarProcessed", "BarProcessed",
        "BarProcessed", "TargetDecided LONG [#1]", "Placed #1",
        "Canceled #1",
        "BarProcessed", "BarProcessed", "BarProcessed", "BarProcessed", "TargetDecided FLAT []",
        "BarProcessed", "BarProcessed", "BarProcessed");
  }

  @Test
  void anOrderWhoseRiskCheckLandedButFailedIsCanceledNotSubmittedAndItsIdNotReused() throws IOException {
    assertThat(runWithAnAmbiguousWrite("risk", riskChecked())).containsExactly(
        "Started", "BarProcessed", "BarProcessed",
        "BarProcessed", "TargetDecided LONG [#1]", "Placed #1",
        "RiskChecked #1",
        "Canceled #1",
        "BarProcessed", "BarProcessed", "BarProcessed", "BarProcessed", "TargetDecided FLAT []",
        "BarProcessed", "BarProcessed", "BarProcessed");
  }

  @Test
  void anAcceptanceThatLandedButFailedLeavesTheOrderRestingAfterTheRestartAndFilledOnce() throws IOException {
    assertThat(runWithAnAmbiguousWrite("accepted", orderEvent(OrderEvent.Accepted.class))).containsExactly(
        "Started", "BarProcessed", "BarProcessed",
        "BarProcessed", "TargetDecided LONG [#1]", "Placed #1",
        "RiskChecked #1",
        "Accepted #1",
        "Filled #1", "BarProcessed", "BarProcessed", "BarProcessed", "BarProcessed", "TargetDecided FLAT [#2]",
        "Placed #2", "RiskChecked #2", "Accepted #2",
        "Filled #2", "BarProcessed", "BarProcessed", "BarProcessed");
  }

  @Test
  void aFillThatLandedButFailedIsBookedOnceWhenTheBarIsOfferedAgain() throws IOException {
    assertThat(runWithAnAmbiguousWrite("filled", orderEvent(OrderEvent.Filled.class))).containsExactly(
        "Started", "BarProcessed", "BarProcessed",
        "BarProcessed", "TargetDecided LONG [#1]", "Placed #1",
        "RiskChecked #1",
        "Accepted #1",
        "Filled #1", "BarProcessed", "BarProcessed", "BarProcessed", "BarProcessed", "TargetDecided FLAT [#2]",
        "Placed #2", "RiskChecked #2", "Accepted #2",
        "Filled #2", "BarProcessed", "BarProcessed", "BarProcessed");
  }

  @Test
  void aDecisionWhoseWriteFailedWithoutLandingIsTakenAgainWithNewIdsAndLeavesNoLineInTheRunLog()
      throws IOException {
    assertThat(runWithAFailedWrite("lost", orderEvent(OrderEvent.Placed.class), false)).containsExactly(
        "Started", "BarProcessed", "BarProcessed",
        "BarProcessed", "TargetDecided LONG [#2]", "Placed #2",
        "RiskChecked #2",
        "Accepted #2",
        "Filled #2", "BarProcessed", "BarProcessed", "BarProcessed", "BarProcessed", "TargetDecided FLAT [#3]",
        "Placed #3", "RiskChecked #3", "Accepted #3",
        "Filled #3", "BarProcessed", "BarProcessed", "BarProcessed");
  }

  /**
   * A risk gate's answer asked for before the restart arrives after it: the journal, read back, canceled that order,
   * so the answer is ignored; no Submit, no event, and the session goes on.
   */
  @Test
  void aLateAnswerAboutAnOrderAskedBeforeTheRestartIsIgnored() throws IOException {
    String id = freshId("late");
    LandedButFailedJournal.landButFailNextWrite(TradingSession.persistenceId(id).id(),
        orderEvent(OrderEvent.Placed.class));
    ActorRef<TradingSession.Command> session = harness.spawn(plan(id, 10));
    harness.awaitBars(session, 10);
    List<OrderView> orders = harness.ask(session, TradingSession.GetOrders::new);
    assertThat(orders).extracting(OrderView::status).containsExactly(OrderStatus.CANCELED);
    List<String> journal = journal(id);

    session.tell(new TradingSession.RiskAnswered(orders.get(0).order(), RiskDecision.of(List.of()), null));
    session.tell(new TradingSession.ExecutorAnswered(orders.get(0).order(),
        new OrderEvent.Accepted(orders.get(0).order().id(), orders.get(0).order().createdAt()), null));

    assertThat(harness.ask(session, TradingSession.GetOrders::new)).isEqualTo(orders);
    assertThat(journal(id)).isEqualTo(journal);
  }
}
