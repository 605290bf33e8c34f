package org.peaktrade.actors.session;

import org.peaktrade.engine.time.Ticker;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.Test;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.actors.fixtures.ScriptedStrategies;
import org.peaktrade.actors.fixtures.SessionHarness;
import org.peaktrade.actors.killswitch.GateSettings;
import org.peaktrade.actors.killswitch.GateView;
import org.peaktrade.actors.session.TradingSession.Event;
import org.peaktrade.engine.execution.EntryStyle;
import org.peaktrade.engine.execution.FeeModel;
import org.peaktrade.engine.execution.Sizing;
import org.peaktrade.engine.execution.SlippageModel;
import org.peaktrade.engine.risk.RiskLimits;
import org.peaktrade.engine.strategy.Direction;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.ClientOrderId;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.OrderEvent;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Side;
import org.peaktrade.protocol.risk.RiskCheck;
import org.peaktrade.protocol.risk.RiskDecision;
import org.peaktrade.protocol.risk.RiskSeverity;
import org.peaktrade.protocol.risk.RiskViolation;
import org.peaktrade.protocol.session.MarketDataSource;
import org.peaktrade.protocol.session.SessionMode;
import org.peaktrade.protocol.session.SessionSpec;

/**
 * What a session persists for a strategy decision and for a risk answer, worked out without an actor: the reasons an
 * order is rejected, in the order they are looked at, and the orders a new target places.
 */
class SessionStepsTest {
  private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
  private static final RiskDecision ALLOWED = RiskDecision.of(List.of());

  private final SessionSpec spec = SessionHarness.spec("steps", SessionMode.PAPER);
  private final SessionPlan plan = new SessionPlan(spec, SessionHarness.instrument(),
      ScriptedStrategies.longBetween(0, 1), Sizing.parse(spec.sizing()), EntryStyle.MARKET, false,
      FeeModel.flat(spec.feeBps()), new SlippageModel(spec.slippageBps()), RiskLimits.none(),
      new BarFeed(MarketDataSource.REPLAY, Source.empty()));
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  // Never told of any kill switch, so it blocks every order as unknown.
  private final GateView unknownGate =
      new GateView(Ticker.SYSTEM, new GateSettings(Duration.ofSeconds(5), Duration.ofSeconds(1)));
  private final SessionSteps steps = new SessionSteps(plan, clock, unknownGate);
  private final Order order = Order.market(ClientOrderId.of("steps", 1), Bars.BTC, Side.BUY, Quantity.of("1"), NOW);

  @Test
  void rejectsAnOrderTheRiskGateDidNotAnswerWithoutRecordingACheck() {
    SessionSteps.Verdict verdict = steps.riskAnswered(running(), order, null, new TimeoutException("no answer"), false);

    assertThat(verdict.submit()).isFalse();
    assertThat(verdict.events()).containsExactly(rejected("risk gate did not answer: "
        + "java.util.concurrent.TimeoutException: no answer"));
  }

  @Test
  void rejectsWithEveryRiskViolationBeforeAnyOtherReason() {
    RiskDecision breached = RiskDecision.of(List.of(
        new RiskViolation(RiskCheck.MAX_ORDER_NOTIONAL, RiskSeverity.BREACH, BigDecimal.TEN, BigDecimal.ONE, "too big"),
        new RiskViolation(RiskCheck.MIN_ORDER_NOTIONAL, RiskSeverity.WARNING, BigDecimal.ONE, BigDecimal.TEN, "odd")));

    SessionSteps.Verdict verdict = steps.riskAnswered(running(), order, breached, null, true);

    assertThat(verdict.submit()).isFalse();
    assertThat(verdict.events()).containsExactly(new Event.RiskChecked(order.id(), breached, NOW),
        rejected("risk: too big; odd"));
  }

  @Test
  void rejectsAnOrderRiskAllowsWhileTheSessionIsStopping() {
    SessionSteps.Verdict verdict = steps.riskAnswered(running(), order, ALLOWED, null, true);

    assertThat(verdict.submit()).isFalse();
    assertThat(verdict.events()).containsExactly(new Event.RiskChecked(order.id(), ALLOWED, NOW),
        rejected("the session is stopping"));
  }

  @Test
  void rejectsAnOrderRiskAllowsWhileTheSessionIsPaused() {
    SessionState paused = running().apply(new Event.MarketDataWentStale("market data stale: test", NOW));

    SessionSteps.Verdict verdict = steps.riskAnswered(paused, order, ALLOWED, null, false);

    assertThat(verdict.events()).last().isEqualTo(rejected("session PAUSED: market data stale: test"));
  }

  @Test
  void rejectsAnOrderNothingElseBlocksWhenTheKillSwitchIsUnknown() {
    SessionSteps.Verdict verdict = steps.riskAnswered(running(), order, ALLOWED, null, false);

    assertThat(verdict.submit()).isFalse();
    assertThat(verdict.events()).containsExactly(new Event.RiskChecked(order.id(), ALLOWED, NOW),
        rejected("kill switch global: unknown"));
  }

  @Test
  void keepsTheTargetWhenTheStrategyWantsWhatTheSessionHolds() {
    Bar bar = Bars.minute(0);

    SessionSteps.Decision decision = steps.decided(running(), bar, Direction.FLAT);

    assertThat(decision.targetChanged()).isFalse();
    assertThat(decision.events()).containsExactly(new Event.BarProcessed(bar, Direction.FLAT, null, NOW));
  }

  @Test
  void placesNumberedOrdersWhenTheStrategyWantsANewTarget() {
    Bar bar = Bars.minute(0);

    SessionSteps.Decision decision = steps.decided(running(), bar, Direction.LONG);

    assertThat(decision.targetChanged()).isTrue();
    assertThat(decision.change().target()).isEqualTo(Direction.LONG);
    Order placed = decision.change().orders().get(0);
    assertThat(decision.change().orders()).hasSize(1);
    assertThat(placed.id()).isEqualTo(ClientOrderId.of("steps", 1));
    assertThat(decision.events()).containsExactly(
        new Event.BarProcessed(bar, Direction.LONG, null, NOW),
        new Event.TargetDecided(bar.closeTime(), Direction.LONG, Direction.LONG, bar.close(),
            List.of(placed.id()), 1, NOW),
        new Event.OrderUpdated(new OrderEvent.Placed(placed), NOW));
  }

  @Test
  void recordsTheStopAfterTheCancelsOfTheRestingOrders() {
    OrderEvent canceled = new OrderEvent.Canceled(order.id(), "session stopped: test", NOW);

    assertThat(steps.stopped(List.of(canceled), "test")).containsExactly(
        new Event.OrderUpdated(canceled, NOW), new Event.Stopped("test", NOW));
  }

  @Test
  void makesAnOrderTheExecutorDidNotAnswerUnknownNotRejected() {
    List<Event> events = steps.executorAnswered(order, null, new TimeoutException("no answer"));

    assertThat(events).containsExactly(new Event.OrderUpdated(new OrderEvent.Unanswered(order.id(),
        "the executor did not answer in time: java.util.concurrent.TimeoutException: no answer", NOW), NOW));
  }

  @Test
  void rejectsEveryFurtherOrderWhileAnOrderIsUnknown() {
    Order next = Order.market(ClientOrderId.of("steps", 2), Bars.BTC, Side.SELL, Quantity.of("1"), NOW);
    SessionState state = withUnknownOrder();

    SessionSteps.Verdict verdict = steps.riskAnswered(state, next, ALLOWED, null, false);

    assertThat(verdict.submit()).isFalse();
    assertThat(verdict.events()).containsExactly(new Event.RiskChecked(next.id(), ALLOWED, NOW),
        new Event.OrderUpdated(new OrderEvent.Rejected(next.id(), "order steps-1 is UNKNOWN: no new order until the "
            + "executor says what became of it", NOW), NOW));
  }

  @Test
  void placesNoOrderForANewTargetWhileAnOrderIsUnknown() {
    Bar bar = Bars.minute(0);

    SessionSteps.Decision decision = steps.decided(withUnknownOrder(), bar, Direction.SHORT);

    assertThat(decision.targetChanged()).isFalse();
    assertThat(decision.events()).containsExactly(new Event.BarProcessed(bar, Direction.SHORT, null, NOW));
  }

  @Test
  void resolvesAnUnknownOrderFromTheExecutorsAnswer() {
    SessionState state = withUnknownOrder();
    Instant takenAt = NOW.minusSeconds(1);

    assertThat(steps.resolved(state, new PaperExecutor.OrderFound(order.id(), PaperExecutor.Seen.ACCEPTED, null,
        takenAt), 1)).containsExactly(new Event.OrderUpdated(new OrderEvent.Accepted(order.id(), takenAt), NOW));
    assertThat(steps.resolved(state, new PaperExecutor.OrderFound(order.id(), PaperExecutor.Seen.REJECTED,
        "venue closed", takenAt), 1)).containsExactly(rejectedAt("venue closed", takenAt));
    assertThat(steps.resolved(state, new PaperExecutor.OrderFound(order.id(), PaperExecutor.Seen.NEVER, null, null),
        3)).containsExactly(rejected("the executor never saw it (asked 3 time(s))"));
  }

  @Test
  void ignoresAnAnswerAboutAnOrderResolvedMeanwhile() {
    SessionState state = withUnknownOrder()
        .apply(new Event.OrderUpdated(new OrderEvent.Accepted(order.id(), NOW), NOW));

    assertThat(steps.resolved(state, new PaperExecutor.OrderFound(order.id(), PaperExecutor.Seen.NEVER, null, null),
        1)).isEmpty();
  }

  private SessionState withUnknownOrder() {
    return running()
        .apply(new Event.OrderUpdated(new OrderEvent.Placed(order), NOW))
        .apply(new Event.OrderUpdated(new OrderEvent.Unanswered(order.id(), "no answer", NOW), NOW));
  }

  private Event rejectedAt(String reason, Instant at) {
    return new Event.OrderUpdated(new OrderEvent.Rejected(order.id(), reason, at), NOW);
  }

  private SessionState running() {
    return new SessionState(spec, 10, 100).apply(new Event.Started(NOW));
  }

  private Event rejected(String reason) {
    return new Event.OrderUpdated(new OrderEvent.Rejected(order.id(), reason, NOW), NOW);
  }
}
