package org.peaktrade.protocol;

import java.time.Instant;
import java.util.Objects;

/** An execution of (part of) an order, with the fee charged for it in the quote currency. */
public record Fill(
    ClientOrderId orderId, Symbol symbol, Side side, Quantity quantity, Price price, Money fee, Liquidity liquidity,
    Instant time) implements CborSerializable {

  public Fill {
    Objects.requireNonNull(orderId, "order id");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(fee, "fee");
    Objects.requireNonNull(liquidity, "liquidity");
    Objects.requireNonNull(time, "time");
    if (quantity.isZero()) {
      throw new IllegalArgumentException("fill of " + orderId + " has zero quantity");
    }
  }

  public Money notional() {
    return Money.notional(quantity, price);
  }
}
