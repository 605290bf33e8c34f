package org.peaktrade.engine.risk;

import java.time.Instant;
import java.util.Objects;
import org.peaktrade.protocol.Price;

/** The last trade (or mid) price of a symbol and when it was observed. */
public record MarketPrice(Price price, Instant at) {
  public MarketPrice {
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(at, "at");
  }
}
