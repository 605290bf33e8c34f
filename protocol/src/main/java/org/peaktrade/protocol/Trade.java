package org.peaktrade.protocol;

import java.time.Instant;
import java.util.Objects;

/** One public trade printed by the exchange; {@code aggressor} is the taker's side. */
public record Trade(Symbol symbol, Instant time, Price price, Quantity quantity, Side aggressor, String tradeId)
    implements CborSerializable {

  public Trade {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(aggressor, "aggressor");
    Objects.requireNonNull(tradeId, "trade id");
    if (quantity.isZero()) {
      throw new IllegalArgumentException("trade " + tradeId + " has zero quantity");
    }
  }
}
