package org.peaktrade.engine.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.engine.fixtures.Bars.BTC_USD;
import static org.peaktrade.engine.fixtures.Bars.T0;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.peaktrade.engine.execution.ExecutionPipeline.TargetChange;
import org.peaktrade.engine.strategy.Direction;
import org.peaktrade.protocol.ClientOrderId;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.OrderType;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Side;

class ExecutionPipelineTest {
  private static final Price REFERENCE = Price.of("200");
  private static final Money EQUITY = Money.of("1000");

  private static ExecutionPipeline pipeline(Sizing sizing, EntryStyle entry, boolean allowShort) {
    return new ExecutionPipeline("s1", BTC_USD, sizing, entry, allowShort);
  }

  private static List<Order> orders(ExecutionPipeline pipeline, Direction wanted, String position) {
    return pipeline.onTarget(wanted, new BigDecimal(position), REFERENCE, () -> EQUITY, T0)
        .map(TargetChange::orders).orElseThrow();
  }

  @Test
  void goingLongFromFlatPlacesOneMarketBuyOfTheSizedQuantity() {
    List<Order> orders = orders(pipeline(Sizing.parse("qty:0.5"), EntryStyle.MARKET, false), Direction.LONG, "0");

    assertThat(orders).singleElement().satisfies(order -> {
      assertThat(order.side()).isEqualTo(Side.BUY);
      assertThat(order.type()).isEqualTo(OrderType.MARKET);
      assertThat(order.quantity()).isEqualTo(Quantity.of("0.5"));
      assertThat(order.id()).isEqualTo(new ClientOrderId("s1-1"));
    });
  }

  @Test
  void anUnchangedTargetPlacesNothing() {
    ExecutionPipeline pipeline = pipeline(Sizing.parse("qty:1"), EntryStyle.MARKET, false);
    orders(pipeline, Direction.LONG, "0");

    Optional<TargetChange> again = pipeline.onTarget(Direction.LONG, BigDecimal.ONE, REFERENCE, () -> EQUITY, T0);

    assertThat(again).isEmpty();
  }

  @Test
  void reversingClosesTheWholePositionFirstThenOpensTheOtherSide() {
    ExecutionPipeline pipeline = pipeline(Sizing.parse("qty:1"), EntryStyle.MARKET, true);
    orders(pipeline, Direction.LONG, "0");

    List<Order> orders = orders(pipeline, Direction.SHORT, "1.5");

    assertThat(orders).extracting(Order::side, Order::quantity).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Side.SELL, Quantity.of("1.5")),
        org.assertj.core.groups.Tuple.tuple(Side.SELL, Quantity.of("1")));
    assertThat(orders).extracting(Order::id).extracting(ClientOrderId::value).containsExactly("s1-2", "s1-3");
  }

  @Test
  void withoutShortingAShortSignalOnlyExitsTheLong() {
    ExecutionPipeline pipeline = pipeline(Sizing.parse("qty:1"), EntryStyle.MARKET, false);
    orders(pipeline, Direction.LONG, "0");

    List<Order> orders = orders(pipeline, Direction.SHORT, "1");

    assertThat(orders).singleElement().satisfies(order -> {
      assertThat(order.side()).isEqualTo(Side.SELL);
      assertThat(order.quantity()).isEqualTo(Quantity.of("1"));
    });
    assertThat(pipeline.target()).isEqualTo(Direction.FLAT);
  }

  @Test
  void equityPercentSizingRoundsDownToTheLot() {
    List<Order> orders = orders(pipeline(Sizing.parse("equity-pct:33"), EntryStyle.MARKET, false), Direction.LONG, "0");

    assertThat(orders.get(0).quantity()).isEqualTo(Quantity.of("1.65"));
  }

  @Test
  void notionalSizingBuysWhatTheAmountPays() {
    List<Order> orders = orders(pipeline(Sizing.parse("notional:70"), EntryStyle.MARKET, false), Direction.LONG, "0");

    assertThat(orders.get(0).quantity()).isEqualTo(Quantity.of("0.35"));
  }

  @Test
  void limitEntryIsPlacedBelowTheReferenceForABuyAndExpiresAfterItsBars() {
    List<Order> orders = orders(pipeline(Sizing.parse("qty:1"), EntryStyle.parse("limit:25:3"), false), Direction.LONG,
        "0");

    assertThat(orders.get(0).type()).isEqualTo(OrderType.LIMIT);
    assertThat(orders.get(0).price()).isEqualTo(Price.of("199.5"));
    assertThat(orders.get(0).expiresAfterBars()).isEqualTo(3);
  }

  @Test
  void stopEntryForAShortIsPlacedBelowTheReference() {
    List<Order> orders = orders(pipeline(Sizing.parse("qty:1"), EntryStyle.parse("stop:10"), true), Direction.SHORT,
        "0");

    assertThat(orders.get(0).price()).isEqualTo(Price.of("199.8"));
  }

  @Test
  void aSizeBelowOneLotPlacesNoEntryOrder() {
    List<Order> orders = orders(pipeline(Sizing.parse("notional:0.000000001"), EntryStyle.MARKET, false),
        Direction.LONG, "0");

    assertThat(orders).isEmpty();
  }

  @Test
  void aRuinedAccountOpensNothingButStillExits() {
    ExecutionPipeline pipeline = pipeline(Sizing.parse("qty:1"), EntryStyle.MARKET, true);
    pipeline.onTarget(Direction.LONG, BigDecimal.ZERO, REFERENCE, () -> EQUITY, T0);

    List<Order> orders = pipeline.onTarget(Direction.SHORT, BigDecimal.ONE, REFERENCE, () -> Money.of("-5"), T0)
        .map(TargetChange::orders).orElseThrow();

    assertThat(orders).singleElement().satisfies(order -> assertThat(order.side()).isEqualTo(Side.SELL));
    assertThat(orders.get(0).quantity()).isEqualTo(Quantity.of("1"));
  }

  @Test
  void aResumedPipelineContinuesTheSequenceAndKeepsItsTarget() {
    ExecutionPipeline resumed =
        new ExecutionPipeline("s1", BTC_USD, Sizing.parse("qty:1"), EntryStyle.MARKET, false, 7, Direction.LONG);

    assertThat(resumed.changes(Direction.LONG)).isFalse();
    List<Order> orders = orders(resumed, Direction.FLAT, "1");

    assertThat(orders).extracting(Order::id).containsExactly(new ClientOrderId("s1-8"));
    assertThat(resumed.sequence()).isEqualTo(8);
  }
}
