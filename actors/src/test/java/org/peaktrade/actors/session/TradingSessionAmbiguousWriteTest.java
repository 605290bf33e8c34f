package org.peaktrade.actors.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.actors.fixtures.SessionHarness.freshId;
import static org.peaktrade.actors.session.AmbiguousWriteScenario.orderEvent;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.LandedButFailedJournal;
import org.peaktrade.actors.fixtures.SessionHarness;
import org.peaktrade.protocol.OrderEvent;
import org.peaktrade.protocol.OrderStatus;
import org.peaktrade.protocol.risk.RiskDecision;
import org.peaktrade.protocol.session.OrderView;

/**
 * A PAPER session on a journal that stores a write and then answers it as failed ({@link LandedButFailedJournal}):
 * the session restarts, reads its journal back, and goes on from what landed. No client order id is used twice,
 * a fresh incarnation recovers exactly what the session acknowledged over its API, and the run log tells the same
 * story as the API and the journal ({@link AmbiguousWriteScenario}; the same on a real Cassandra in
 * {@link AmbiguousWriteOnCassandraIT}).
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
  private AmbiguousWriteScenario scenario;

  @BeforeAll
  void startHarness() {
    harness = new SessionHarness(testKit, SessionHarness.settings(dataDir, ""));
    scenario = new AmbiguousWriteScenario(testKit, harness, LandedButFailedJournal::landedButFailed,
        LandedButFailedJournal::events);
  }

  private List<String> runWithAnAmbiguousWrite(String prefix, Predicate<Object> failing) throws Exception {
    return scenario.run(prefix, persistenceId -> LandedButFailedJournal.landButFailNextWrite(persistenceId, failing));
  }

  @Test
  void neverReusesAClientOrderIdAfterTheWriteOfATradingBarLandedButFailed() throws Exception {
    assertThat(runWithAnAmbiguousWrite("placed", orderEvent(OrderEvent.Placed.class)))
        .containsExactlyElementsOf(AmbiguousWriteScenario.EVERY_ORDER_FILLED_ONCE);
  }

  @Test
  void aFillThatLandedButFailedIsBookedOnceAndTheNextBarTakenFromTheJournal() throws Exception {
    assertThat(runWithAnAmbiguousWrite("filled", orderEvent(OrderEvent.Filled.class)))
        .containsExactlyElementsOf(AmbiguousWriteScenario.EVERY_ORDER_FILLED_ONCE);
  }

  @Test
  void aDecisionWhoseWriteFailedWithoutLandingIsTakenAgainWithNewIdsAndLeavesNoLineInTheRunLog() throws Exception {
    assertThat(scenario.run("lost", persistenceId -> LandedButFailedJournal.failNextWrite(persistenceId,
        orderEvent(OrderEvent.Placed.class)))).containsExactly(
        "Started", "BarProcessed", "BarProcessed",
        "BarProcessed", "TargetDecided LONG [#2]", "Placed #2",
        "RiskChecked #2",
        "Accepted #2",
        "Filled #2", "BarProcessed", "BarProcessed", "BarProcessed", "BarProcessed", "TargetDecided FLAT [#3]",
        "Placed #3", "RiskChecked #3", "Accepted #3",
        "Filled #3", "BarProcessed", "BarProcessed", "BarProcessed");
  }

  /**
   * A risk gate's answer asked for before the restart arrives after it: the journal, read back, settled that order,
   * so the answer is ignored; no event, and the session goes on.
   */
  @Test
  void aLateAnswerAboutAnOrderAskedBeforeTheRestartIsIgnored() throws Exception {
    String id = freshId("late");
    LandedButFailedJournal.landButFailNextWrite(TradingSession.persistenceId(id).id(),
        orderEvent(OrderEvent.Placed.class));
    ActorRef<TradingSession.Command> session = harness.spawn(scenario.plan(id, 10));
    harness.awaitBars(session, 10);
    List<OrderView> orders = harness.ask(session, TradingSession.GetOrders::new);
    assertThat(orders).extracting(OrderView::status).containsExactly(OrderStatus.FILLED, OrderStatus.FILLED);
    List<String> journal = scenario.journal(id);

    session.tell(new TradingSession.RiskAnswered(orders.get(0).order(), RiskDecision.of(List.of()), null));

    assertThat(harness.ask(session, TradingSession.GetOrders::new)).isEqualTo(orders);
    assertThat(scenario.journal(id)).isEqualTo(journal);
  }
}
