package org.peaktrade.engine.marketdata;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One price level of a Kraken {@code book} message, with price and quantity kept at the scale Kraken sent
 * ({@code 0.10000000} stays {@code 0.10000000}), because the book checksum is computed over that exact text.
 * A quantity of zero means "remove this level".
 */
public record KrakenBookLevel(BigDecimal price, BigDecimal qty) {

  public KrakenBookLevel {
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(qty, "qty");
    if (price.signum() <= 0) {
      throw new IllegalArgumentException("price must be positive: " + price.toPlainString());
    }
    if (qty.signum() < 0) {
      throw new IllegalArgumentException("qty must not be negative: " + qty.toPlainString());
    }
  }

  public static KrakenBookLevel of(String price, String qty) {
    return new KrakenBookLevel(new BigDecimal(price), new BigDecimal(qty));
  }

  public boolean removesLevel() {
    return qty.signum() == 0;
  }
}
