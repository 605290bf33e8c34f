package org.peaktrade.actors.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.actors.fixtures.SessionHarness.freshId;
import static org.peaktrade.actors.fixtures.SessionHarness.rising;
import static org.peaktrade.actors.fixtures.SessionHarness.spec;

import java.nio.file.Files;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.stream.javadsl.Source;
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
 * The ambiguous-write scenario shared by the in-memory test and the one on a real Cassandra: a PAPER session over 10
 * bars (LONG from minute 2 to 6) whose first write holding a matching event fails (after landing, or not), then the
 * checks: the fault happened once, no order id was placed twice, the API's orders are the journal's placements, a
 * fresh incarnation recovers exactly what the session acknowledged, and the run log agrees with the API and the
 * journal. The journal under test is reached only through the functions given: how to arm a fault, how many faults
 * it reported, and how to read a persistence id's events back.
 */
final class AmbiguousWriteScenario {
  /**
   * The journal after the write of a bar that traded (its decision, placement, risk check and acceptance in one
   * write) or of the bar that filled landed but was reported failed: the session reads the write back, its order
   * rests again and fills once, its id is never used again; the journal is the one an undisturbed run writes.
   */
  static final List<String> EVERY_ORDER_FILLED_ONCE = List.of("Started", "BarProcessed", "BarProcessed",
      "BarProcessed", "TargetDecided LONG [#1]", "Placed #1", "RiskChecked #1", "Accepted #1",
      "Filled #1", "BarProcessed", "BarProcessed", "BarProcessed", "BarProcessed", "TargetDecided FLAT [#2]",
      "Placed #2", "RiskChecked #2", "Accepted #2",
      "Filled #2", "BarProcessed", "BarProcessed", "BarProcessed");

  /** Acknowledged over the API: orders, fills and the view. */
  record Acknowledged(List<OrderView> orders, List<Fill> fills, SessionView view) {}

  /** Reads the events of a persistence id back from the journal under test, in sequence order. */
  @FunctionalInterface
  interface EventReader {
    List<Object> events(String persistenceId) throws Exception;
  }

  private final ActorTestKit testKit;
  private final SessionHarness harness;
  private final ToIntFunction<String> faults;
  private final EventReader reader;

  AmbiguousWriteScenario(ActorTestKit testKit, SessionHarness harness, ToIntFunction<String> faults,
      EventReader reader) {
    this.testKit = testKit;
    this.harness = harness;
    this.faults = faults;
    this.reader = reader;
  }

  static Predicate<Object> orderEvent(Class<? extends OrderEvent> type) {
    return event -> SessionJournal.expanded(List.of(event)).stream().anyMatch(inner ->
        inner instanceof TradingSession.Event.OrderUpdated updated && type.isInstance(updated.change()));
  }

  SessionPlan plan(String id, long bars) {
    return harness.plan(spec(id, SessionMode.PAPER), ScriptedStrategies.longBetween(2, 6), RiskLimits.none(),
        Source.from(rising(0, bars)).mapMaterializedValue(m -> NotUsed.notUsed()));
  }

  Acknowledged acknowledged(ActorRef<TradingSession.Command> session) {
    return new Acknowledged(harness.ask(session, TradingSession.GetOrders::new),
        harness.ask(session, TradingSession.GetFills::new), withoutFeedProgress(harness.view(session)));
  }

  /**
   * The view without what the session is doing with its feed: a restarted session skips the bars its feed sends
   * again and says so, an uninterrupted one does not; what it acknowledged is the rest.
   */
  private static SessionView withoutFeedProgress(SessionView view) {
    return view.catchingUp(null);
  }

  /** The journal of {@code id} as one line per event: its type, and the order it is about. */
  List<String> journal(String id) throws Exception {
    return SessionJournal.expanded(reader.events(TradingSession.persistenceId(id).id())).stream().map(event -> {
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
   * Runs the scenario for a fresh id from {@code prefix}, after {@code arm} armed the fault for its persistence id;
   * answers the journal with the order ids relative to the session ({@code #1} for {@code <id>-1}).
   */
  List<String> run(String prefix, Consumer<String> arm) throws Exception {
    String id = freshId(prefix);
    String persistenceId = TradingSession.persistenceId(id).id();
    arm.accept(persistenceId);
    ActorRef<TradingSession.Command> session = harness.spawn(plan(id, 10));
    harness.awaitBars(session, 10);
    Acknowledged before = acknowledged(session);

    assertThat(faults.applyAsInt(persistenceId)).as("faults injected").isEqualTo(1);
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
}
