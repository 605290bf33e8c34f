package org.peaktrade.actors.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.actors.fixtures.SessionHarness.freshId;
import static org.peaktrade.actors.fixtures.SessionHarness.rising;
import static org.peaktrade.actors.fixtures.SessionHarness.spec;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.actors.fixtures.ControlledFeed;
import org.peaktrade.actors.fixtures.Polling;
import org.peaktrade.actors.fixtures.ScriptedExecutionGate;
import org.peaktrade.actors.fixtures.ScriptedStrategies;
import org.peaktrade.actors.fixtures.SessionHarness;
import org.peaktrade.actors.session.TradingSession.Event;
import org.peaktrade.engine.risk.RiskLimits;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.OrderEvent;
import org.peaktrade.protocol.OrderStatus;
import org.peaktrade.protocol.session.OrderView;
import org.peaktrade.protocol.session.SessionMode;

/**
 * The path of an order from the risk check to the session's venue, with the reads of the kill-switch view forced by
 * a {@link ScriptedExecutionGate}: a kill the view reports at the moment the venue would take the order, and orders
 * restored while the switch is killed. Each test asserts the whole ordered list of events the session persisted. The
 * strategy wants LONG from minute 1, so the bar of minute 1 places one market buy, which would fill at the open of
 * minute 2 (price 102).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
class OrderSubmissionTest {
  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(1);

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
        "peaktrade.sessions { ask-timeout = " + ASK_TIMEOUT.toMillis() + "ms, run-log = false }"));
    journal = PersistenceTestKit.create(testKit.system());
  }

  private SessionPlan plan(String id, ControlledFeed feed) {
    return harness.plan(spec(id, SessionMode.PAPER), ScriptedStrategies.longBetween(1, 100), RiskLimits.none(),
        feed.bars());
  }

  private ActorRef<TradingSession.Command> spawn(SessionPlan plan, ScriptedExecutionGate gate) {
    harness.activate(plan.id());
    ActorRef<TradingSession.Command> session = testKit.spawn(TradingSession.create(plan, harness.deps(gate)));
    awaitGateAllows(plan.id());
    return session;
  }

  private void awaitGateAllows(String id) {
    harness.watchdog.awaitAssert(SessionHarness.AWAIT, () -> {
      assertThat(harness.gateView.check(id).allowed()).isTrue();
      return null;
    });
  }

  @Test
  void refusesAnOrderWhenTheViewReportsAKillAsTheVenueWouldTakeIt() {
    String id = freshId("race");
    ControlledFeed feed = new ControlledFeed(testKit.system());
    // Killed at every read: the session's first bar (the view knows the session) and the order's admission.
    ScriptedExecutionGate gate = new ScriptedExecutionGate(
        sessionId -> ScriptedExecutionGate.killed().answer(sessionId, harness.gateView));
    ActorRef<TradingSession.Command> session = spawn(plan(id, feed), gate);

    feed.offer(rising(0, 3).toArray(Bar[]::new));
    harness.awaitBars(session, 3);

    assertThat(gate.answered()).isNotEmpty().allMatch(decision -> !decision.allowed());
    String refusal = "kill switch session:" + id + ": KILLED by MANUAL (ops@x): fat finger";
    assertThat(described(id)).containsExactly(
        "started",
        "bar 0 FLAT",
        "bar 1 LONG",
        "target LONG",
        "placed " + id + "-1",
        "risk-checked " + id + "-1",
        "rejected " + id + "-1: " + refusal,
        "bar 2 LONG");
    assertThat(harness.ask(session, TradingSession.GetFills::new)).isEmpty();
    assertThat(harness.view(session).position()).isZero();
  }

  /**
   * The session's own read at the restore sees the kill; the node's gate has not heard of it yet (its status stays
   * ACTIVE here), so no cancel from the gate can hide an order that rested.
   */
  @Test
  void doesNotRestRestoredOrdersWhileKilled() throws InterruptedException {
    String id = freshId("restore-killed");
    ControlledFeed feed = new ControlledFeed(testKit.system());
    ActorRef<TradingSession.Command> first = spawn(plan(id, feed), new ScriptedExecutionGate(harness.gateView));
    feed.offer(rising(0, 2).toArray(Bar[]::new));
    awaitOrder(first, OrderStatus.ACCEPTED);
    testKit.stop(first);

    ControlledFeed resumedFeed = new ControlledFeed(testKit.system());
    ActorRef<TradingSession.Command> resumed = spawn(plan(id, resumedFeed),
        new ScriptedExecutionGate(harness.gateView).then(ScriptedExecutionGate.killed()));
    OrderView canceled = awaitOrder(resumed, OrderStatus.CANCELED);
    resumedFeed.offer(rising(0, 3).toArray(Bar[]::new));
    harness.awaitBars(resumed, 3);

    String reason = "kill switch session:" + id + ": KILLED by MANUAL (ops@x): fat finger"
        + " (not rested after the restart)";
    assertThat(canceled.reason()).isEqualTo(reason);
    assertThat(described(id)).containsExactly(
        "started",
        "bar 0 FLAT",
        "bar 1 LONG",
        "target LONG",
        "placed " + id + "-1",
        "risk-checked " + id + "-1",
        "accepted " + id + "-1",
        "canceled " + id + "-1",
        "bar 2 LONG");
    assertThat(harness.ask(resumed, TradingSession.GetFills::new)).isEmpty();
  }

  private OrderView awaitOrder(ActorRef<TradingSession.Command> session, OrderStatus status)
      throws InterruptedException {
    return Polling.until("the order " + status, SessionHarness.AWAIT,
        () -> harness.ask(session, TradingSession.GetOrders::new),
        orders -> orders.size() == 1 && orders.get(0).status() == status).get(0);
  }

  /** The session's persisted events, oldest first, each in a few words (reasons only where they are asserted). */
  private List<String> described(String id) {
    return SessionJournal.expanded(journal.persistedInStorage(TradingSession.persistenceId(id).id())).stream()
        .map(OrderSubmissionTest::describe).toList();
  }

  private static String describe(Event event) {
    if (event instanceof Event.Started) {
      return "started";
    }
    if (event instanceof Event.BarProcessed bar) {
      return "bar " + Duration.between(Bars.T0, bar.bar().openTime()).toMinutes()
          + " " + bar.wanted();
    }
    if (event instanceof Event.TargetDecided decided) {
      return "target " + decided.target();
    }
    if (event instanceof Event.RiskChecked checked) {
      return "risk-checked " + checked.orderId().value();
    }
    if (event instanceof Event.OrderUpdated updated) {
      OrderEvent change = updated.change();
      String order = change.orderId().value();
      if (change instanceof OrderEvent.Rejected rejected) {
        return "rejected " + order + ": " + rejected.reason();
      }
      if (change instanceof OrderEvent.Filled filled) {
        return "filled " + order + " " + filled.fill().quantity() + " at " + filled.fill().price();
      }
      return change.getClass().getSimpleName().toLowerCase() + " " + order;
    }
    return event.getClass().getSimpleName();
  }
}
