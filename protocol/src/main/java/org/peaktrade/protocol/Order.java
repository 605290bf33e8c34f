package org.peaktrade.protocol;

import java.time.Instant;
import java.util.Objects;

/**
 * An order as the execution pipeline emits it. {@code price} is the limit price for LIMIT, the trigger price
 * for STOP, and null for MARKET. {@code expiresAfterBars} bounds how long an unfilled order may rest (0 = until
 * cancelled).
 */
public record Order(
    ClientOrderId id, Symbol symbol, Side side, Quantity quantity, OrderType type, Price price, Instant createdAt,
    int expiresAfterBars) implements CborSerializable {

  public Order {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(createdAt, "created at");
    if (quantity.isZero()) {
      throw new IllegalArgumentException("order " + id + " has zero quantity");
    }
    if ((type == OrderType.MARKET) != (price == null)) {
      throw new IllegalArgumentException("order " + id + ": a " + type + " order "
          + (type == OrderType.MARKET ? "takes no price" : "needs a price"));
    }
    if (expiresAfterBars < 0) {
      throw new IllegalArgumentException("order " + id + ": expiresAfterBars must not be negative");
    }
  }

  public static Order market(ClientOrderId id, Symbol symbol, Side side, Quantity quantity, Instant createdAt) {
    return new Order(id, symbol, side, quantity, OrderType.MARKET, null, createdAt, 0);
  }
}
