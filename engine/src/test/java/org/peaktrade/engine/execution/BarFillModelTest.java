package org.peaktrade.engine.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.engine.fixtures.Bars.BTC;
import static org.peaktrade.engine.fixtures.Bars.BTC_USD;
import static org.peaktrade.engine.fixtures.Bars.T0;
import static org.peaktrade.engine.fixtures.Bars.bar;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.ClientOrderId;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.Liquidity;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.OrderType;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Side;

class BarFillModelTest {
  private final BarFillModel model = new BarFillModel(new FeeModel(new BigDecimal("10"), new BigDecimal("26")),
      new SlippageModel(new BigDecimal("5")), BTC_USD);
  private final Bar next = bar(1, "100", "105", "95", "102");

  private static Order order(Side side, OrderType type, String price) {
    return new Order(ClientOrderId.of("t", 1), BTC, side, Quantity.of("2"), type,
        price == null ? null : Price.of(price), T0, 0);
  }

  @Test
  void marketBuyFillsAtTheNextOpenPlusSlippageRoundedUpToTheTickAsTaker() {
    Fill fill = model.tryFill(order(Side.BUY, OrderType.MARKET, null), next).orElseThrow();

    assertThat(fill.price()).isEqualTo(Price.of("100.1"));
    assertThat(fill.liquidity()).isEqualTo(Liquidity.TAKER);
    assertThat(fill.fee()).isEqualTo(Money.of("0.52052"));
    assertThat(fill.time()).isEqualTo(next.openTime());
  }

  @Test
  void marketSellReceivesTheOpenMinusSlippageRoundedDown() {
    Fill fill = model.tryFill(order(Side.SELL, OrderType.MARKET, null), next).orElseThrow();

    assertThat(fill.price()).isEqualTo(Price.of("99.9"));
  }

  @Test
  void restingLimitBuyFillsAtItsPriceAsMakerWhenTheBarTradesThrough() {
    Fill fill = model.tryFill(order(Side.BUY, OrderType.LIMIT, "97"), next).orElseThrow();

    assertThat(fill.price()).isEqualTo(Price.of("97"));
    assertThat(fill.liquidity()).isEqualTo(Liquidity.MAKER);
    assertThat(fill.fee()).isEqualTo(Money.of("0.194"));
  }

  @Test
  void restingLimitThatIsOnlyTouchedDoesNotFill() {
    assertThat(model.tryFill(order(Side.BUY, OrderType.LIMIT, "95"), next)).isEmpty();
    assertThat(model.tryFill(order(Side.SELL, OrderType.LIMIT, "105"), next)).isEmpty();
  }

  @Test
  void limitThatIsMarketableOnArrivalFillsAtTheOpenAsTakerCappedAtTheLimit() {
    Fill better = model.tryFill(order(Side.BUY, OrderType.LIMIT, "101"), next).orElseThrow();
    Fill capped = model.tryFill(order(Side.BUY, OrderType.LIMIT, "100"), next).orElseThrow();

    assertThat(better.price()).isEqualTo(Price.of("100.1"));
    assertThat(better.liquidity()).isEqualTo(Liquidity.TAKER);
    assertThat(capped.price()).isEqualTo(Price.of("100"));
  }

  @Test
  void stopBuyTriggersAtTheStopWhenTheBarReachesIt() {
    Fill fill = model.tryFill(order(Side.BUY, OrderType.STOP, "104"), next).orElseThrow();

    assertThat(fill.price()).isEqualTo(Price.of("104.1"));
    assertThat(fill.liquidity()).isEqualTo(Liquidity.TAKER);
  }

  @Test
  void stopBuyBelowTheOpenFillsAtTheOpenNotAtTheBetterStopPrice() {
    Fill fill = model.tryFill(order(Side.BUY, OrderType.STOP, "98"), next).orElseThrow();

    assertThat(fill.price()).isEqualTo(Price.of("100.1"));
  }

  @Test
  void stopSellTriggersWhenTheLowReachesIt() {
    assertThat(model.tryFill(order(Side.SELL, OrderType.STOP, "95"), next).map(Fill::price))
        .isEqualTo(Optional.of(Price.of("94.9")));
    assertThat(model.tryFill(order(Side.SELL, OrderType.STOP, "94.9"), next)).isEmpty();
  }
}
