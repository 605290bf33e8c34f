package org.peaktrade.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.engine.fixtures.Bars.T0;
import static org.peaktrade.engine.fixtures.Orders.fill;
import static org.peaktrade.engine.fixtures.Orders.id;
import static org.peaktrade.engine.fixtures.Orders.limit;
import static org.peaktrade.engine.fixtures.Orders.market;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.Liquidity;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.OrderEvent;
import org.peaktrade.protocol.OrderStatus;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Side;
import org.peaktrade.protocol.Symbol;

class OrderTrackerTest {
  private final OrderTracker tracker = new OrderTracker();
  private final Order buy = limit(1, Side.BUY, "3", "100", 0);

  private OrderState accepted(Order order) {
    tracker.apply(new OrderEvent.Placed(order));
    return ((Transition.Applied) tracker.apply(new OrderEvent.Accepted(order.id(), T0))).state();
  }

  private Transition fillOf(Order order, String quantity, String price, String fee) {
    return tracker.apply(new OrderEvent.Filled(fill(order, quantity, price, fee, T0.plusSeconds(60))));
  }

  @Test
  void placesAnOrderAsNewWithNothingFilled() {
    Transition placed = tracker.apply(new OrderEvent.Placed(buy));

    assertThat(placed).isInstanceOfSatisfying(Transition.Applied.class, applied -> {
      assertThat(applied.from()).isNull();
      assertThat(applied.to()).isEqualTo(OrderStatus.NEW);
      assertThat(applied.state().filledQuantity()).isEqualTo(Quantity.ZERO);
      assertThat(applied.state().averageFillPrice()).isEmpty();
    });
    assertThat(tracker.open()).extracting(OrderState::order).containsExactly(buy);
  }

  @Test
  void keepsOnlyTheMostRecentlyClosedOrdersWhenToldHowManyButEveryOpenOne() {
    OrderTracker bounded = new OrderTracker(2);
    for (int n = 1; n <= 5; n++) {
      Order order = market(n, Side.BUY, "1");
      bounded.apply(new OrderEvent.Placed(order));
      if (n <= 4) {
        bounded.apply(new OrderEvent.Canceled(order.id(), "target changed", T0));
      }
    }

    assertThat(bounded.get(id(1))).isEmpty();
    assertThat(bounded.get(id(2))).isEmpty();
    assertThat(bounded.get(id(3))).map(OrderState::status).contains(OrderStatus.CANCELED);
    assertThat(bounded.get(id(4))).map(OrderState::status).contains(OrderStatus.CANCELED);
    assertThat(bounded.open()).extracting(state -> state.order().id()).containsExactly(id(5));
    assertThat(bounded.apply(new OrderEvent.Accepted(id(4), T0)))
        .isInstanceOfSatisfying(Transition.Refused.class,
            refused -> assertThat(refused.refusal()).isEqualTo(LifecycleRefusal.ALREADY_CLOSED));
    assertThat(bounded.apply(new OrderEvent.Accepted(id(1), T0)))
        .isInstanceOfSatisfying(Transition.Refused.class,
            refused -> assertThat(refused.refusal()).isEqualTo(LifecycleRefusal.UNKNOWN_ORDER));
  }

  @Test
  void listsOpenOrdersInPlacementOrder() {
    Order second = market(2, Side.SELL, "1");
    Order third = market(3, Side.BUY, "1");
    tracker.apply(new OrderEvent.Placed(third));
    tracker.apply(new OrderEvent.Placed(buy));
    tracker.apply(new OrderEvent.Placed(second));
    tracker.apply(new OrderEvent.Accepted(buy.id(), T0));

    assertThat(tracker.open()).extracting(OrderState::order).containsExactly(third, buy, second);
  }

  @Test
  void refusesEventsForAnOrderThatWasNeverPlaced() {
    Transition transition = tracker.apply(new OrderEvent.Accepted(id(9), T0));

    assertThat(transition).isInstanceOfSatisfying(Transition.Refused.class, refused -> {
      assertThat(refused.refusal()).isEqualTo(LifecycleRefusal.UNKNOWN_ORDER);
      assertThat(refused.status()).isNull();
      assertThat(refused.detail()).isEqualTo("acceptance of s-9 refused: no such order was placed");
    });
    assertThat(tracker.open()).isEmpty();
  }

  @Test
  void refusesToPlaceAnIdAgainEvenAfterTheOrderClosed() {
    accepted(buy);
    tracker.apply(new OrderEvent.Canceled(buy.id(), "target changed", T0));

    Transition again = tracker.apply(new OrderEvent.Placed(buy));

    assertThat(again).isInstanceOfSatisfying(Transition.Refused.class,
        refused -> assertThat(refused.refusal()).isEqualTo(LifecycleRefusal.DUPLICATE_ORDER));
    assertThat(tracker.open()).isEmpty();
  }

  @Test
  void rejectsFillOfCanceledOrder() {
    accepted(buy);
    tracker.apply(new OrderEvent.Canceled(buy.id(), "target changed", T0));

    Transition late = fillOf(buy, "1", "100", "0");

    assertThat(late).isInstanceOfSatisfying(Transition.Refused.class, refused -> {
      assertThat(refused.refusal()).isEqualTo(LifecycleRefusal.ALREADY_CLOSED);
      assertThat(refused.status()).isEqualTo(OrderStatus.CANCELED);
      assertThat(refused.detail()).isEqualTo("fill of s-1 refused: the order is CANCELED");
    });
    assertThat(tracker.get(buy.id()).orElseThrow().filledQuantity()).isEqualTo(Quantity.ZERO);
  }

  @Test
  void refusesAnOverfillAndKeepsTheOrderAsItWas() {
    accepted(buy);
    fillOf(buy, "2", "100", "0.2");

    Transition over = fillOf(buy, "1.5", "100", "0.15");

    assertThat(over).isInstanceOfSatisfying(Transition.Refused.class, refused -> {
      assertThat(refused.refusal()).isEqualTo(LifecycleRefusal.OVERFILL);
      assertThat(refused.detail()).isEqualTo("fill of 1.5 exceeds the 1 still open of s-1");
    });
    OrderState state = tracker.get(buy.id()).orElseThrow();
    assertThat(state.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    assertThat(state.filledQuantity()).isEqualTo(Quantity.of("2"));
    assertThat(state.fees()).isEqualTo(Money.of("0.2"));
  }

  @Test
  void refusesToAcceptAnOrderTwice() {
    accepted(buy);

    Transition twice = tracker.apply(new OrderEvent.Accepted(buy.id(), T0));

    assertThat(twice).isInstanceOfSatisfying(Transition.Refused.class, refused -> {
      assertThat(refused.refusal()).isEqualTo(LifecycleRefusal.ALREADY_ACCEPTED);
      assertThat(refused.detail()).isEqualTo("acceptance of s-1 refused: the order is already ACCEPTED");
    });
  }

  @Test
  void evaluatingAnEventChangesNothing() {
    accepted(buy);

    Transition wouldBe = tracker.evaluate(new OrderEvent.Filled(fill(buy, "3", "100", "0", T0)));

    assertThat(wouldBe).isInstanceOfSatisfying(Transition.Applied.class,
        applied -> assertThat(applied.to()).isEqualTo(OrderStatus.FILLED));
    assertThat(tracker.get(buy.id()).orElseThrow().status()).isEqualTo(OrderStatus.ACCEPTED);
    assertThat(tracker.open()).hasSize(1);
  }

  @Test
  void aClosedOrderLeavesTheOpenListAndStaysQueryable() {
    accepted(buy);
    fillOf(buy, "3", "100", "0.3");

    assertThat(tracker.open()).isEmpty();
    assertThat(tracker.get(buy.id()).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
  }

  @Test
  void sumsPartialFillsAndFeesExactly() {
    Order order = limit(2, Side.BUY, "0.3", "100.2", 0);
    accepted(order);
    fillOf(order, "0.1", "100.1", "0.01001");

    OrderState state = ((Transition.Applied) fillOf(order, "0.2", "100.2", "0.02004")).state();

    assertThat(state.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(state.filledQuantity()).isEqualTo(Quantity.of("0.3"));
    assertThat(state.filledNotional()).isEqualTo(Money.of("30.05"));
    assertThat(state.fees()).isEqualTo(Money.of("0.03005"));
    assertThat(state.remaining()).isEqualTo(Quantity.ZERO);
  }

  @Test
  void averagesFillPricesExactlyWhenTheQuotientTerminates() {
    accepted(buy);
    fillOf(buy, "1", "100", "0");
    fillOf(buy, "1", "101", "0");

    assertThat(tracker.get(buy.id()).orElseThrow().averageFillPrice()).contains(Price.of("100.5"));
  }

  @Test
  void averagesARepeatingQuotientTo34SignificantDigits() {
    accepted(buy);
    fillOf(buy, "1", "100", "0");
    fillOf(buy, "2", "101", "0");

    OrderState state = tracker.get(buy.id()).orElseThrow();
    assertThat(state.filledNotional()).isEqualTo(Money.of("302"));
    assertThat(state.averageFillPrice()).contains(Price.of("100.6666666666666666666666666666667"));
  }

  @Test
  void refusesAFillOfTheWrongSideOrSymbol() {
    accepted(buy);
    Fill sell = new Fill(buy.id(), buy.symbol(), Side.SELL, Quantity.of("1"), Price.of("100"), Money.ZERO,
        Liquidity.TAKER, T0);
    Fill eth = new Fill(buy.id(), Symbol.of("ETH/USD"), Side.BUY, Quantity.of("1"), Price.of("100"), Money.ZERO,
        Liquidity.TAKER, T0);

    assertThat(tracker.apply(new OrderEvent.Filled(sell))).isInstanceOfSatisfying(Transition.Refused.class,
        refused -> assertThat(refused.refusal()).isEqualTo(LifecycleRefusal.MISMATCH));
    assertThat(tracker.apply(new OrderEvent.Filled(eth))).isInstanceOfSatisfying(Transition.Refused.class,
        refused -> assertThat(refused.refusal()).isEqualTo(LifecycleRefusal.MISMATCH));
  }

  @Test
  void anOrderStateRefusesAnEventMeantForAnotherOrder() {
    Transition transition = OrderState.placed(buy).apply(new OrderEvent.Accepted(id(2), T0));

    assertThat(transition).isInstanceOfSatisfying(Transition.Refused.class,
        refused -> assertThat(refused.refusal()).isEqualTo(LifecycleRefusal.MISMATCH));
  }

  @Test
  void evaluatesABatchInOrderWithoutChangingAnything() {
    accepted(buy);
    Order sell = market(2, Side.SELL, "1");

    List<Transition> transitions = tracker.evaluateAll(List.of(
        new OrderEvent.Placed(sell),
        new OrderEvent.Rejected(sell.id(), "risk: too large", T0),
        new OrderEvent.Filled(fill(buy, "1", "100", "0.1", T0.plusSeconds(60))),
        new OrderEvent.Filled(fill(buy, "2", "100", "0.2", T0.plusSeconds(120)))));

    assertThat(transitions).extracting(t -> ((Transition.Applied) t).to()).containsExactly(OrderStatus.NEW,
        OrderStatus.REJECTED, OrderStatus.PARTIALLY_FILLED, OrderStatus.FILLED);
    assertThat(tracker.get(sell.id())).isEmpty();
    assertThat(tracker.get(buy.id()).orElseThrow().status()).isEqualTo(OrderStatus.ACCEPTED);
  }
}
