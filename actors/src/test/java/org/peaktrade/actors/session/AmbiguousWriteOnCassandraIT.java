package org.peaktrade.actors.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.actors.fixtures.SessionHarness.freshId;
import static org.peaktrade.actors.fixtures.SessionHarness.rising;
import static org.peaktrade.actors.fixtures.SessionHarness.spec;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.cassandra.query.javadsl.CassandraReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.LandedButFailedCassandraJournal;
import org.peaktrade.actors.fixtures.LocalCassandra;
import org.peaktrade.actors.fixtures.ScriptedStrategies;
import org.peaktrade.actors.fixtures.SessionHarness;
import org.peaktrade.engine.risk.RiskLimits;
import org.peaktrade.engine.session.RunLogEntry;
import org.peaktrade.engine.session.RunLogJson;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.OrderEvent;
import org.peaktrade.protocol.session.OrderView;
import org.peaktrade.protocol.session.SessionMode;
import org.peaktrade.protocol.session.SessionView;

/**
 * The ambiguous write for real: a PAPER session journals to a real Cassandra (tables from
 * {@code scripts/cassandra/schema.cql}, the production profile) through {@link LandedButFailedCassandraJournal},
 * which lets one write land in Cassandra and then answers it as failed, as when the coordinator's acknowledgement is
 * lost. The session restarts, reads back from Cassandra what landed, and goes on from there: no client order id is
 * used twice, the orders of its API are the placements in Cassandra, a fresh incarnation recovers exactly what the
 * session acknowledged, and the run log tells the same story. The journal is read back through the Cassandra read
 * journal, not through the plugin under test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AmbiguousWriteOnCassandraIT {
  @RegisterExtension
  static final LocalCassandra CASSANDRA = LocalCassandra.withSchema();

  @TempDir
  static Path dataDir;

  private ActorTestKit testKit;
  private SessionHarness harness;
  private CassandraReadJournal cassandra;

  @BeforeAll
  void startNode() {
    testKit = ActorTestKit.create("AmbiguousWriteOnCassandraIT",
        ConfigFactory.load(LandedButFailedCassandraJournal.config(CASSANDRA.profile())));
    harness = new SessionHarness(testKit, SessionHarness.settings(dataDir, ""));
    cassandra = PersistenceQuery.get(testKit.system())
        .getReadJournalFor(CassandraReadJournal.class, CassandraReadJournal.Identifier());
  }

  @AfterAll
  void stopNode() {
    testKit.shutdownTestKit();
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

  /** The events of {@code id} in Cassandra, read through the read journal, in sequence order. */
  private List<Object> eventsInCassandra(String id) throws Exception {
    return cassandra.currentEventsByPersistenceId(TradingSession.persistenceId(id).id(), 0L, Long.MAX_VALUE)
        .map(EventEnvelope::event).runWith(Sink.seq(), testKit.system()).toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  /** The journal of {@code id} in Cassandra as one line per event: its type, and the order it is about. */
  private List<String> journal(String id) throws Exception {
    return eventsInCassandra(id).stream().map(event -> {
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
   * matches landing in Cassandra but answered as failed; checks that the fault happened once, that no order id was
   * used twice, that the API's orders are the placements in Cassandra, that a fresh incarnation recovers what the
   * session acknowledged, and that the run log agrees with the API and the journal; answers the journal, with the
   * order ids relative to the session ({@code #1} for {@code <id>-1}).
   */
  private List<String> runWithAnAmbiguousWrite(String prefix, Predicate<Object> failing) throws Exception {
    String id = freshId(prefix);
    String persistenceId = TradingSession.persistenceId(id).id();
    LandedButFailedCassandraJournal.landButFailNextWrite(persistenceId, failing);
    ActorRef<TradingSession.Command> session = harness.spawn(plan(id, 10));
    harness.awaitBars(session, 10);
    Acknowledged before = acknowledged(session);

    assertThat(LandedButFailedCassandraJournal.landedButFailed(persistenceId)).isEqualTo(1);
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
  void neverReusesAClientOrderIdAfterAPlacementThatLandedInCassandraButWasReportedFailed() throws Exception {
    assertThat(runWithAnAmbiguousWrite("placed", orderEvent(OrderEvent.Placed.class))).containsExactly(
        "Started", "BarProcessed", "BarProcessed",
        "BarProcessed", "TargetDecided LONG [#1]", "Placed #1",
        "Canceled #1",
        "BarProcessed", "BarProcessed", "BarProcessed", "BarProcessed", "TargetDecided FLAT []",
        "BarProcessed", "BarProcessed", "BarProcessed");
  }

  @Test
  void anOrderWhoseRiskCheckLandedInCassandraButWasReportedFailedIsCanceledNotSubmitted() throws Exception {
    assertThat(runWithAnAmbiguousWrite("risk", riskChecked())).containsExactly(
        "Started", "BarProcessed", "BarProcessed",
        "BarProcessed", "TargetDecided LONG [#1]", "Placed #1",
        "RiskChecked #1",
        "Canceled #1",
        "BarProcessed", "BarProcessed", "BarProcessed", "BarProcessed", "TargetDecided FLAT []",
        "BarProcessed", "BarProcessed", "BarProcessed");
  }

  @Test
  void anAcceptanceThatLandedInCassandraButWasReportedFailedLeavesTheOrderRestingAndFilledOnce() throws Exception {
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
  void aFillThatLandedInCassandraButWasReportedFailedIsBookedOnceWhenTheBarIsOfferedAgain() throws Exception {
    assertThat(runWithAnAmbiguousWrite("filled", orderEvent(OrderEvent.Filled.class))).containsExactly(
        "Started", "BarProcessed", "BarProcessed",
        "BarProcessed", "TargetDecided LONG [#1]", "Placed #1",
        "RiskChecked #1",
        "Accepted #1",
        "Filled #1", "BarProcessed", "BarProcessed", "BarProcessed", "BarProcessed", "TargetDecided FLAT [#2]",
        "Placed #2", "RiskChecked #2", "Accepted #2",
        "Filled #2", "BarProcessed", "BarProcessed", "BarProcessed");
  }
}
