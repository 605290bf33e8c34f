package org.peaktrade.protocol;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.time.Instant;

/** Best bid and offer at a point in time. A crossed quote (bid above ask) is rejected. */
public record Quote(Symbol symbol, Instant time, Price bid, Quantity bidSize, Price ask, Quantity askSize)
    implements CborSerializable {

  public Quote {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(bid, "bid");
    Objects.requireNonNull(bidSize, "bid size");
    Objects.requireNonNull(ask, "ask");
    Objects.requireNonNull(askSize, "ask size");
    if (bid.isAbove(ask)) {
      throw new IllegalArgumentException("crossed quote for " + symbol + ": bid " + bid + " above ask " + ask);
    }
  }

  /** The exact midpoint; halving a decimal needs at most one more decimal place. */
  public Price mid() {
    BigDecimal sum = bid.value().add(ask.value());
    return new Price(sum.divide(BigDecimal.valueOf(2), sum.scale() + 1, RoundingMode.UNNECESSARY));
  }
}
