package org.peaktrade.actors.session;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.peaktrade.engine.execution.ParticipationLimit;
import org.peaktrade.engine.execution.Sizing;
import org.peaktrade.engine.execution.SlippageModel;
import org.peaktrade.engine.risk.RiskLimits;
import org.peaktrade.engine.strategy.Direction;
import org.peaktrade.engine.time.Ticker;
import org.peaktrade.engine.trading.Retarget;
import org.peaktrade.engine.trading.TradingCore;
import org.peaktrade.engine.trading.TradingTerms;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.ClientOrderId;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.Liquidity;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.OrderEvent;
import org.peaktrade.protocol.OrderType;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Side;
import org.peaktrade.protocol.risk.RiskDecision;
import org.peaktrade.protocol.session.MarketDataSource;
import org.peaktrade.protocol.session.SessionMode;
import org.peaktrade.protocol.session.SessionSpec;

/**
 * What a session persists for what its trading core did, and the last word before the core's venue takes an order,
 * worked out without an actor: the reasons an order is refused, in the order they are looked at, and the events of a
 * new target. Also how a session state rebuilds its core from the journal.
 */
class SessionStepsTest {
  private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
  private static final RiskDecision ALLOWED = RiskDecision.of(List.of());

  private final SessionSpec spec = SessionHarness.spec("steps", SessionMode.PAPER);
  private final SessionPlan plan = new SessionPlan(spec, SessionHarness.instrument(),
      ScriptedStrategies.longBetween(0, 1), Sizing.parse("qty:1"), EntryStyle.MARKET, false,
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
    assertThat(steps.riskUnanswered(order.id(), new TimeoutException("no answer"))).isEqualTo(
        new OrderEvent.Rejected(order.id(), "risk gate did not answer: java.util.concurrent.TimeoutException: no answer",
            NOW));
  }

  @Test
  void recordsTheRiskCheckBeforeWhatTheVenueOrTheChecksMadeOfTheOrder() {
    OrderEvent accepted = new OrderEvent.Accepted(order.id(), NOW);

    assertThat(steps.checked(order.id(), ALLOWED, accepted)).containsExactly(
        new Event.RiskChecked(order.id(), ALLOWED, NOW), new Event.OrderUpdated(accepted, NOW));
  }

  @Test
  void refusesAnOrderWhileTheSessionIsStoppingBeforeAskingAnythingElse() {
    assertThat(steps.admission(running(), true).refusal(order)).contains("the session is stopping");
  }

  @Test
  void refusesAnOrderWhileTheSessionIsPaused() {
    SessionState paused = running().apply(new Event.MarketDataWentStale("market data stale: test", NOW), false);

    assertThat(steps.admission(paused, false).refusal(order)).contains("session PAUSED: market data stale: test");
  }

  @Test
  void refusesAnOrderNothingElseBlocksWhenTheKillSwitchIsUnknown() {
    assertThat(steps.admission(running(), false).refusal(order)).contains("kill switch global: unknown");
  }

  @Test
  void recordsANewTargetThenTheOldTargetsCancelsThenEachPlacement() {
    Bar bar = Bars.minute(0);
    OrderEvent canceled = new OrderEvent.Canceled(ClientOrderId.of("steps", 1), "target changed to LONG", NOW);
    Order placed = Order.market(ClientOrderId.of("steps", 2), Bars.BTC, Side.BUY, Quantity.of("1"), bar.closeTime());

    List<Event> events = steps.retargeted(bar, new Retarget(Direction.LONG, Direction.LONG, bar.close(),
        List.of(placed), List.of(canceled), List.of(order), 2));

    assertThat(events).containsExactly(
        new Event.TargetDecided(bar.closeTime(), Direction.LONG, Direction.LONG, bar.close(), List.of(placed.id()), 2,
            NOW),
        new Event.OrderUpdated(canceled, NOW),
        new Event.OrderUpdated(new OrderEvent.Placed(placed), NOW));
  }

  @Test
  void remembersTheHighestSequenceHandedToTheJournalAsUsed() {
    Bar bar = Bars.minute(0);
    steps.retargeted(bar, new Retarget(Direction.LONG, Direction.LONG, bar.close(), List.of(), List.of(), List.of(),
        7));

    assertThat(steps.sequenceFloor(running())).isEqualTo(7);
  }

  @Test
  void recordsTheStopAfterTheCancelsOfTheRestingOrders() {
    OrderEvent canceled = new OrderEvent.Canceled(order.id(), "session stopped: test", NOW);

    assertThat(steps.stopped(List.of(canceled), "test")).containsExactly(
        new Event.OrderUpdated(canceled, NOW), new Event.Stopped("test", NOW));
  }

  @Test
  void cancelsOrdersAnOlderJournalLeftWithoutTheVenuesAnswer() {
    SessionState state = running()
        .apply(new Event.OrderUpdated(new OrderEvent.Placed(order), NOW), true)
        .apply(new Event.OrderUpdated(new OrderEvent.Unanswered(order.id(), "no answer", NOW), NOW), true);

    assertThat(state.unansweredOrders()).containsExactly(order.id());
    assertThat(steps.endedOnRestart(state.unansweredOrders())).containsExactly(
        new OrderEvent.Canceled(order.id(), "the session restarted before the venue answered", NOW));
  }

  @Test
  void aRecoveringStateRebuildsItsCoreSoItContinuesWhereTheJournalEnds() {
    Bar first = Bars.minute(0);
    Bar second = Bars.minute(1);
    Order limit = new Order(ClientOrderId.of("steps", 3), Bars.BTC, Side.SELL, Quantity.of("1"),
        OrderType.LIMIT, Price.of("1000000"), first.closeTime(), 0);
    Fill fill = new Fill(order.id(), Bars.BTC, Side.BUY, Quantity.of("1"), second.open(), Money.of("0"),
        Liquidity.TAKER, second.openTime());
    SessionState state = running();
    List<Event> journal = List.of(
        new Event.BarProcessed(first, Direction.LONG, null, NOW),
        new Event.TargetDecided(first.closeTime(), Direction.LONG, Direction.LONG, first.close(),
            List.of(order.id()), 3, NOW),
        new Event.OrderUpdated(new OrderEvent.Placed(order), NOW),
        new Event.OrderUpdated(new OrderEvent.Accepted(order.id(), NOW), NOW),
        new Event.OrderUpdated(new OrderEvent.Placed(limit), NOW),
        new Event.OrderUpdated(new OrderEvent.Accepted(limit.id(), NOW), NOW),
        new Event.OrderUpdated(new OrderEvent.Filled(fill), NOW),
        new Event.BarProcessed(second, Direction.LONG, null, NOW));

    journal.forEach(event -> state.apply(event, true));

    assertThat(state.core().resting()).containsExactly(limit);
    assertThat(state.core().position().quantity()).isEqualByComparingTo("1");
    assertThat(state.core().ledger().cash()).isEqualTo(state.view("m").cash());
    assertThat(state.core().target()).isEqualTo(Direction.LONG);
    assertThat(state.core().sequence()).isEqualTo(3);
  }

  @Test
  void aTradingStateLeavesItsCoreToTheCommandsThatDroveIt() {
    SessionState state = running();

    state.apply(new Event.OrderUpdated(new OrderEvent.Placed(order), NOW), false)
        .apply(new Event.OrderUpdated(new OrderEvent.Accepted(order.id(), NOW), NOW), false);

    assertThat(state.core().resting()).isEmpty();
    assertThat(state.restingOrders()).containsExactly(order);
  }

  private SessionState running() {
    TradingCore core = new TradingCore("steps", SessionHarness.instrument(), new TradingTerms(new Money(spec.startingCash()),
        Sizing.parse("qty:1"), FeeModel.NONE, SlippageModel.NONE, EntryStyle.MARKET, false, ParticipationLimit.NONE,
        RiskLimits.none()));
    return new SessionState(spec, 10, 100, core).apply(new Event.Started(NOW), false);
  }
}
