package org.peaktrade.actors.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.actors.session.TradingSession.Event;
import org.peaktrade.engine.execution.EntryStyle;
import org.peaktrade.engine.execution.FeeModel;
import org.peaktrade.engine.execution.ParticipationLimit;
import org.peaktrade.engine.execution.Sizing;
import org.peaktrade.engine.execution.SlippageModel;
import org.peaktrade.engine.risk.RiskLimits;
import org.peaktrade.engine.strategy.Direction;
import org.peaktrade.engine.trading.TradingCore;
import org.peaktrade.engine.trading.TradingTerms;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.ClientOrderId;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.Instrument;
import org.peaktrade.protocol.Liquidity;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.OrderEvent;
import org.peaktrade.protocol.OrderStatus;
import org.peaktrade.protocol.OrderType;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Side;
import org.peaktrade.protocol.session.EquityPoint;
import org.peaktrade.protocol.session.SessionMode;
import org.peaktrade.protocol.session.SessionSpec;

/**
 * A session's snapshot through Pekko's serialization, as it goes into the journal: no bars and no equity marks (a
 * fresh strategy's warm-up and the equity curve come from the feed's published bars), read back into exactly the
 * state it came from, the same size whatever the session ran (its ledger and open orders, not its history); snapshots
 * of the earlier forms (retained bars and marks as objects or lines, {@link SnapshotLines}; every order event) still
 * read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionSnapshotTest {
  private static final Instant AT = Instant.parse("2026-12-07T00:00:00Z");
  private static final SessionSpec SPEC = new SessionSpec("snap", "ma-cross", Map.of(), Bars.BTC, SessionMode.PAPER,
      "qty:1", "default", new BigDecimal("10000"), BigDecimal.ZERO, BigDecimal.ZERO);

  private final ActorTestKit testKit = ActorTestKit.create();
  private final Serialization serialization = SerializationExtension.get(Adapter.toClassic(testKit.system()));

  @AfterAll
  void shutDown() {
    testKit.shutdownTestKit();
  }

  private static TradingCore core() {
    return new TradingCore("snap", Instrument.withScales(Bars.BTC, 1, 8), new TradingTerms(new Money(
        new BigDecimal("10000")), Sizing.parse("qty:1"), FeeModel.flat(BigDecimal.ZERO),
        new SlippageModel(BigDecimal.ZERO), EntryStyle.MARKET, false, ParticipationLimit.NONE, RiskLimits.none()));
  }

  /** A state that saw {@code bars} bars of changing prices; the strategy failed on the third. */
  private static SessionState stateAfter(int bars) {
    SessionState state = new SessionState(SPEC, 10_000, 10_000, core()).apply(new Event.Started(AT), false);
    for (int i = 0; i < bars; i++) {
      state.apply(new Event.BarProcessed(bar(i), i == 2 ? null : Direction.FLAT, i == 2 ? "boom" : null, AT), false);
    }
    return state;
  }

  /** The {@code i}th bar of {@link #stateAfter}: its prices change by a cent a bar, its volume by the last digit. */
  private static Bar bar(int i) {
    Price price = Price.of(new BigDecimal("46215.25").add(BigDecimal.valueOf(i, 2)).toPlainString());
    return new Bar(Bars.BTC, Bars.T0.plus(Bars.MINUTE.multipliedBy(i)), Bars.MINUTE, price, price, price, price,
        Quantity.of("0.0012345" + (i % 10)));
  }

  private Object roundTrip(Object snapshot) throws Exception {
    return serialization.deserialize(bytes(snapshot), serialization.findSerializerFor(snapshot).identifier(),
        Serializers.manifestFor(serialization.findSerializerFor(snapshot), snapshot)).get();
  }

  private byte[] bytes(Object snapshot) {
    return serialization.serialize(snapshot).get();
  }

  @Test
  void aRunTheSessionJustWroteLeavesTheSameStateAsItsBarsOneByOne() {
    SessionState oneByOne = stateAfter(3);
    SessionState asRun = stateAfter(3);
    List<Event> later = new ArrayList<>();
    for (int i = 3; i < 40; i++) {
      later.add(new Event.BarProcessed(bar(i), i % 7 == 0 ? Direction.LONG : Direction.FLAT, null, AT));
    }
    later.forEach(event -> oneByOne.apply(event, false));
    List<Event> compacted = BarRuns.compact(later);
    assertThat(compacted).singleElement().isInstanceOf(Event.BarsProcessed.class);
    asRun.apply(compacted.get(0), false);

    assertThat(asRun.snapshot()).isEqualTo(oneByOne.snapshot());
    assertThat(asRun.lastBar()).isEqualTo(bar(39));
    assertThat(asRun.firstBarOpen()).isEqualTo(bar(0).openTime());
  }

  @Test
  void aRunAsAFreshSessionsFirstBarsSetsItsFirstBar() {
    SessionState fresh = new SessionState(SPEC, 10_000, 10_000, core()).apply(new Event.Started(AT), false);
    List<Event> bars = new ArrayList<>();
    for (int i = 5; i < 9; i++) {
      bars.add(new Event.BarProcessed(bar(i), Direction.FLAT, null, AT));
    }
    fresh.apply(BarRuns.compact(bars).get(0), false);

    assertThat(fresh.firstBarOpen()).isEqualTo(bar(5).openTime());
    assertThat(fresh.lastBar()).isEqualTo(bar(8));
    assertThat(fresh.snapshot().barsSeen()).isEqualTo(4);
  }

  @Test
  void aSnapshotReadBackGivesTheSameFirstBarFailedBarsAndViewAndHoldsNoBarsAndNoMarks() throws Exception {
    SessionState state = stateAfter(50);

    SessionState.Snapshot snapshot = state.snapshot();
    SessionState read = SessionState.fromSnapshot((SessionState.Snapshot) roundTrip(snapshot), SPEC, 10_000, 10_000,
        core());

    assertThat(snapshot.retained()).isEmpty();
    assertThat(snapshot.retainedLines()).isEmpty();
    assertThat(snapshot.equity()).isEmpty();
    assertThat(snapshot.equityLines()).isEmpty();
    assertThat(read.firstBarOpen()).isEqualTo(Bars.T0).isEqualTo(state.firstBarOpen());
    assertThat(read.failedBars()).containsExactly(Bars.minute(2).openTime()).isEqualTo(state.failedBars());
    assertThat(read.view("m")).isEqualTo(state.view("m"));
  }

  @Test
  void aSnapshotThatRetainedBarsAsObjectsOrLinesStillReadsItsFirstBarAndFailedBars() throws Exception {
    SessionState state = stateAfter(20);
    SessionState.Snapshot now = state.snapshot();
    List<SessionState.RetainedBar> retained = retained(20);
    List<EquityPoint> marks = List.of(new EquityPoint(Bars.T0, Money.of("10000")));
    SessionState.Snapshot objects = new SessionState.Snapshot(now.startedAt(), now.stoppedReason(),
        now.strategyStoppedReason(), now.staleReason(), now.barsSeen(), now.lastBar(), now.orderSequence(),
        now.target(), now.orderEvents(), retained, marks, null, null, null, null, null, null, 0);
    SessionState.Snapshot lines = new SessionState.Snapshot(now.startedAt(), now.stoppedReason(),
        now.strategyStoppedReason(), now.staleReason(), now.barsSeen(), now.lastBar(), now.orderSequence(),
        now.target(), now.orderEvents(), List.of(), List.of(), retainedLines(retained),
        List.of(Bars.T0.getEpochSecond() + ",0,10000"), null, null, null, null, 0);

    for (SessionState.Snapshot earlier : List.of(objects, lines)) {
      SessionState read = SessionState.fromSnapshot((SessionState.Snapshot) roundTrip(earlier), SPEC, 10_000,
          10_000, core());

      assertThat(read.firstBarOpen()).isEqualTo(Bars.T0);
      assertThat(read.failedBars()).containsExactly(Bars.minute(2).openTime());
      assertThat(read.view("m")).isEqualTo(state.view("m"));
    }
  }

  @Test
  void theSnapshotOfASessionThatRanTenThousandBarsIsAsSmallAsOneThatRanTen() {
    int ten = bytes(stateAfter(10).snapshot()).length;
    int tenThousand = bytes(stateAfter(10_000).snapshot()).length;

    assertThat(tenThousand).as("no bar and no mark in either; the counters and the last bar differ")
        .isLessThan(ten + 64);
  }

  /**
   * A state that traded: {@code closed} orders filled whole (buys and sells in turn), then a limit buy of 3 filled 1
   * and resting; applied as a recovery applies them, so that its core holds them too. {@code journal}, when given,
   * collects the order events.
   */
  private static SessionState stateWithOrders(int closed, List<OrderEvent> journal) {
    SessionState state = stateAfter(5);
    List<OrderEvent> events = new ArrayList<>();
    for (int n = 1; n <= closed; n++) {
      Side side = n % 2 == 1 ? Side.BUY : Side.SELL;
      Order order = Order.market(ClientOrderId.of("snap", n), Bars.BTC, side, Quantity.of("1"), AT);
      events.add(new OrderEvent.Placed(order));
      events.add(new OrderEvent.Accepted(order.id(), AT));
      events.add(new OrderEvent.Filled(fill(order.id(), side, "1", "46215." + (n % 100))));
    }
    Order resting = new Order(ClientOrderId.of("snap", closed + 1), Bars.BTC, Side.BUY, Quantity.of("3"),
        OrderType.LIMIT, Price.of("46000"), AT, 0);
    events.add(new OrderEvent.Placed(resting));
    events.add(new OrderEvent.Accepted(resting.id(), AT));
    events.add(new OrderEvent.Filled(fill(resting.id(), Side.BUY, "1", "46000")));
    events.forEach(event -> state.apply(new Event.OrderUpdated(event, AT), true));
    if (journal != null) {
      journal.addAll(events);
    }
    return state;
  }

  private static Fill fill(ClientOrderId id, Side side, String quantity, String price) {
    return new Fill(id, Bars.BTC, side, Quantity.of(quantity), Price.of(price), Money.of("0.123456789"),
        Liquidity.TAKER, AT);
  }

  @Test
  void aSnapshotOfATradingSessionKeepsItsLedgerAndOpenOrdersAndReadsBackTheSameAccountAndRestingOrders()
      throws Exception {
    SessionState state = stateWithOrders(41, null);

    SessionState.Snapshot snapshot = state.snapshot();
    TradingCore core = core();
    SessionState read = SessionState.fromSnapshot((SessionState.Snapshot) roundTrip(snapshot), SPEC, 10_000,
        10_000, core);

    assertThat(snapshot.orderEvents()).as("the open order's events only").hasSize(3);
    assertThat(read.view("m")).isEqualTo(state.view("m"));
    assertThat(read.view("m").orders()).containsExactlyInAnyOrderEntriesOf(
        Map.of(OrderStatus.FILLED, 41, OrderStatus.PARTIALLY_FILLED, 1));
    assertThat(read.view("m").fills()).isEqualTo(42);
    assertThat(read.restingOrders()).isEqualTo(state.restingOrders());
    assertThat(read.restingOrders()).singleElement().satisfies(order ->
        assertThat(order.quantity()).isEqualTo(Quantity.of("2")));
    assertThat(core.ledger().state()).isEqualTo(state.core().ledger().state());
    assertThat(core.resting()).isEqualTo(state.core().resting());
    assertThat(read.equityAt(Price.of("47000"))).isEqualTo(state.equityAt(Price.of("47000")));
  }

  @Test
  void aSnapshotOfBeforeStop33WithEveryOrderEventStillReadsBackTheSameAccount() throws Exception {
    List<OrderEvent> journal = new ArrayList<>();
    SessionState state = stateWithOrders(41, journal);
    SessionState.Snapshot now = state.snapshot();
    SessionState.Snapshot earlier = new SessionState.Snapshot(now.startedAt(), now.stoppedReason(),
        now.strategyStoppedReason(), now.staleReason(), now.barsSeen(), now.lastBar(), now.orderSequence(),
        now.target(), journal, List.of(), List.of(), List.of(), List.of(), now.firstBarOpen(), now.failedBars(),
        null, null, 0);
    TradingCore core = core();

    SessionState read = SessionState.fromSnapshot((SessionState.Snapshot) roundTrip(earlier), SPEC, 10_000,
        10_000, core);

    assertThat(read.view("m")).isEqualTo(state.view("m"));
    assertThat(read.restingOrders()).isEqualTo(state.restingOrders());
    assertThat(core.ledger().state()).isEqualTo(state.core().ledger().state());
  }

  @Test
  void theSnapshotOfASessionWithAThousandClosedOrdersIsAsSmallAsOneWithTen() {
    int ten = bytes(stateWithOrders(10, null).snapshot()).length;
    int thousand = bytes(stateWithOrders(1_000, null).snapshot()).length;

    assertThat(thousand).as("the ledger and the open order in both; counters and amounts differ")
        .isLessThan(ten + 64);
  }

  /** {@code retained} as the lines snapshots of before stop 31 held. */
  private static List<String> retainedLines(List<SessionState.RetainedBar> retained) {
    return retained.stream().map(kept -> kept.bar().openTime().getEpochSecond() + ","
        + kept.bar().interval().getSeconds() + "," + BarText.prices(kept.bar()) + ","
        + (kept.strategySawIt() ? "1" : "0")).toList();
  }

  /** The bars of {@link #stateAfter} as a snapshot of before stop 31 retained them. */
  private static List<SessionState.RetainedBar> retained(int bars) {
    return java.util.stream.IntStream.range(0, bars).mapToObj(i -> new SessionState.RetainedBar(bar(i), i != 2))
        .toList();
  }
}
