package org.peaktrade.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.peaktrade.engine.fixtures.Bars.BTC;
import static org.peaktrade.engine.fixtures.Bars.BTC_USD;
import static org.peaktrade.engine.fixtures.Bars.MINUTE;
import static org.peaktrade.engine.fixtures.Bars.T0;
import static org.peaktrade.engine.fixtures.Bars.bar;
import static org.peaktrade.engine.fixtures.Orders.id;
import static org.peaktrade.engine.fixtures.Orders.limit;
import static org.peaktrade.engine.fixtures.Orders.market;
import static org.peaktrade.engine.fixtures.Orders.stop;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peaktrade.engine.execution.BarFillModel;
import org.peaktrade.engine.execution.FeeModel;
import org.peaktrade.engine.execution.ParticipationLimit;
import org.peaktrade.engine.execution.SlippageModel;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.Instrument;
import org.peaktrade.protocol.Liquidity;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.OrderEvent;
import org.peaktrade.protocol.OrderStatus;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Side;
import org.peaktrade.protocol.Symbol;

class PaperVenueTest {
  private static final FeeModel FEES = new FeeModel(new BigDecimal("10"), new BigDecimal("26"));
  private static final SlippageModel SLIPPAGE = new SlippageModel(new BigDecimal("5"));
  private static final Instant NOW = T0.plusSeconds(61);

  private final PaperVenue venue = venue(BTC_USD, ParticipationLimit.NONE);
  private final PaperVenue tenPercent = venue(BTC_USD, ParticipationLimit.percentOfBarVolume(BigDecimal.TEN));

  private static PaperVenue venue(Instrument instrument, ParticipationLimit limit) {
    return new PaperVenue(new BarFillModel(FEES, SLIPPAGE, instrument), limit);
  }

  private static List<Fill> fills(List<OrderEvent> events) {
    return events.stream().filter(OrderEvent.Filled.class::isInstance).map(e -> ((OrderEvent.Filled) e).fill())
        .toList();
  }

  @Test
  void acceptsAnOrderAndFillsItOnTheNextBarNotOnTheBarAlreadySeen() {
    Bar seen = bar(0, "100", "101", "99", "100");
    Bar next = bar(1, "100", "105", "95", "102");
    venue.onBar(seen);

    OrderEvent answer = venue.submit(market(1, Side.BUY, "2"), NOW);

    assertThat(answer).isEqualTo(new OrderEvent.Accepted(id(1), NOW));
    assertThat(venue.onBar(seen)).isEmpty();
    assertThat(venue.onBar(next)).containsExactly(new OrderEvent.Filled(new Fill(id(1), BTC, Side.BUY,
        Quantity.of("2"), Price.of("100.1"), Money.of("0.52052"), Liquidity.TAKER, next.openTime())));
    assertThat(venue.resting()).isEmpty();
  }

  @Test
  void ignoresABarOlderThanTheLastOne() {
    venue.onBar(bar(5, "100", "101", "99", "100"));
    venue.submit(market(1, Side.BUY, "1"), NOW);

    assertThat(venue.onBar(bar(4, "100", "101", "99", "100"))).isEmpty();
    assertThat(venue.resting()).extracting(Order::id).containsExactly(id(1));
  }

  @Test
  void aLimitOrderRestsUntilABarTradesThroughItThenFillsAsMaker() {
    venue.submit(limit(1, Side.BUY, "2", "97", 0), NOW);

    assertThat(venue.onBar(bar(1, "100", "101", "97", "100"))).isEmpty();
    List<Fill> fills = fills(venue.onBar(bar(2, "100", "101", "96", "99")));

    assertThat(fills).singleElement().satisfies(fill -> {
      assertThat(fill.price()).isEqualTo(Price.of("97"));
      assertThat(fill.liquidity()).isEqualTo(Liquidity.MAKER);
      assertThat(fill.fee()).isEqualTo(Money.of("0.194"));
    });
  }

  @Test
  void expiresAnUnfilledOrderAfterItsBarsAtTheCloseOfTheLastOne() {
    venue.submit(limit(1, Side.BUY, "1", "90", 2), NOW);
    Bar second = bar(2, "100", "101", "99", "100");

    assertThat(venue.onBar(bar(1, "100", "101", "99", "100"))).isEmpty();
    assertThat(venue.onBar(second)).containsExactly(new OrderEvent.Expired(id(1), second.closeTime()));
    assertThat(venue.resting()).isEmpty();
  }

  @Test
  void aCanceledOrderFillsNoMore() {
    venue.submit(market(1, Side.BUY, "1"), NOW);

    assertThat(venue.cancel(id(1), "target changed", NOW))
        .contains(new OrderEvent.Canceled(id(1), "target changed", NOW));
    assertThat(venue.onBar(bar(1, "100", "101", "99", "100"))).isEmpty();
    assertThat(venue.cancel(id(1), "again", NOW)).isEmpty();
  }

  @Test
  void rejectsAnOrderForAnotherSymbolAndAnIdAlreadyResting() {
    Order eth = Order.market(id(1), Symbol.of("ETH/USD"), Side.BUY, Quantity.of("1"), T0);
    venue.submit(market(2, Side.BUY, "1"), NOW);

    assertThat(venue.submit(eth, NOW)).isEqualTo(
        new OrderEvent.Rejected(id(1), "this paper venue trades BTC/USD only", NOW));
    assertThat(venue.submit(market(2, Side.SELL, "1"), NOW)).isEqualTo(
        new OrderEvent.Rejected(id(2), "an order with this id is already resting", NOW));
    assertThat(venue.resting()).extracting(Order::id).containsExactly(id(2));
  }

  @Test
  void refusesABarOfAnotherSymbol() {
    Bar eth = new Bar(Symbol.of("ETH/USD"), T0, MINUTE, Price.of("10"), Price.of("10"), Price.of("10"),
        Price.of("10"), Quantity.of("1"));

    assertThatThrownBy(() -> venue.onBar(eth)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("paper venue for BTC/USD got a bar of ETH/USD");
  }

  @Test
  void fillsAtMostTheShareOfBarVolumeAndLetsTheRestRest() {
    tenPercent.submit(market(1, Side.BUY, "2.5"), NOW);

    List<Fill> first = fills(tenPercent.onBar(bar(1, "100", "101", "99", "100")));
    List<Fill> second = fills(tenPercent.onBar(bar(2, "200", "201", "199", "200")));
    List<Fill> third = fills(tenPercent.onBar(bar(3, "100", "101", "99", "100")));

    assertThat(first).singleElement().satisfies(fill -> {
      assertThat(fill.quantity()).isEqualTo(Quantity.of("1"));
      assertThat(fill.price()).isEqualTo(Price.of("100.1"));
      assertThat(fill.fee()).isEqualTo(Money.of("0.26026"));
    });
    assertThat(second).singleElement().satisfies(fill -> {
      assertThat(fill.quantity()).isEqualTo(Quantity.of("1"));
      assertThat(fill.price()).isEqualTo(Price.of("200.1"));
    });
    assertThat(third).extracting(Fill::quantity).containsExactly(Quantity.of("0.5"));
    assertThat(tenPercent.resting()).isEmpty();
  }

  @Test
  void ordersShareOneBarsBudgetInSubmissionOrder() {
    tenPercent.submit(market(1, Side.BUY, "0.8"), NOW);
    tenPercent.submit(market(2, Side.SELL, "0.8"), NOW);

    List<Fill> fills = fills(tenPercent.onBar(bar(1, "100", "101", "99", "100")));

    assertThat(fills).extracting(Fill::orderId, Fill::quantity).containsExactly(
        tuple(id(1), Quantity.of("0.8")),
        tuple(id(2), Quantity.of("0.2")));
  }

  @Test
  void aPartBelowTheMinimumSizeDoesNotFillButARemainderWithinTheBudgetDoes() {
    Instrument minimumHalf = new Instrument(BTC, new BigDecimal("0.1"), new BigDecimal("0.01"),
        new BigDecimal("0.5"));
    PaperVenue threePercent = venue(minimumHalf, ParticipationLimit.percentOfBarVolume(new BigDecimal("3")));
    threePercent.submit(market(1, Side.BUY, "2"), NOW);
    threePercent.submit(market(2, Side.BUY, "0.2"), NOW);

    List<Fill> fills = fills(threePercent.onBar(bar(1, "100", "101", "99", "100")));

    assertThat(fills).extracting(Fill::orderId, Fill::quantity)
        .containsExactly(tuple(id(2), Quantity.of("0.2")));
    assertThat(threePercent.resting()).extracting(Order::id).containsExactly(id(1));
  }

  @Test
  void aTriggeredStopKeepsWorkingAsAMarketOrderForItsRemainder() {
    tenPercent.submit(stop(1, Side.BUY, "1.5", "104", 0), NOW);

    List<Fill> triggered = fills(tenPercent.onBar(bar(1, "100", "105", "99", "104")));
    List<Fill> remainder = fills(tenPercent.onBar(bar(2, "99", "100", "98", "99")));

    assertThat(triggered).extracting(Fill::quantity, Fill::price)
        .containsExactly(tuple(Quantity.of("1"), Price.of("104.1")));
    assertThat(remainder).extracting(Fill::quantity, Fill::price)
        .containsExactly(tuple(Quantity.of("0.5"), Price.of("99.1")));
  }

  @Test
  void theRemainderOfAPartiallyFilledOrderExpiresAndTheTrackerAgrees() {
    OrderTracker tracker = new OrderTracker();
    Order order = limit(1, Side.BUY, "3", "101", 2);
    tracker.apply(new OrderEvent.Placed(order));
    tracker.apply(tenPercent.submit(order, NOW));
    Bar second = bar(2, "100", "101", "99", "100");

    List<OrderEvent> events = new ArrayList<>(tenPercent.onBar(bar(1, "100", "101", "99", "100")));
    events.addAll(tenPercent.onBar(second));
    events.forEach(event -> assertThat(tracker.apply(event)).isInstanceOf(Transition.Applied.class));

    assertThat(events).last().isEqualTo(new OrderEvent.Expired(id(1), second.closeTime()));
    OrderState state = tracker.get(id(1)).orElseThrow();
    assertThat(state.status()).isEqualTo(OrderStatus.EXPIRED);
    assertThat(state.filledQuantity()).isEqualTo(Quantity.of("2"));
    assertThat(state.remaining()).isEqualTo(Quantity.of("1"));
  }

  @Test
  void participationMustBeAPositivePercentUpToAHundred() {
    assertThatThrownBy(() -> ParticipationLimit.percentOfBarVolume(BigDecimal.ZERO))
        .hasMessage("participation must be in (0, 100] percent of bar volume: 0");
    assertThatThrownBy(() -> ParticipationLimit.percentOfBarVolume(new BigDecimal("100.5")))
        .hasMessage("participation must be in (0, 100] percent of bar volume: 100.5");
  }
}
