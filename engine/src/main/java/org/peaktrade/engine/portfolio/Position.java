package org.peaktrade.engine.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import org.peaktrade.protocol.Decimals;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Symbol;

/**
 * A signed position (positive long, negative short) and its signed cost basis: the exact sum of
 * quantity × price of the units still held. The average entry price is derived from it for display only, so
 * P&amp;L never depends on a rounded average.
 */
public record Position(Symbol symbol, BigDecimal quantity, Money costBasis) {
  static final int AVERAGE_PRICE_SCALE = 10;

  public Position {
    Objects.requireNonNull(symbol, "symbol");
    quantity = Decimals.canonical(Objects.requireNonNull(quantity, "quantity"));
    Objects.requireNonNull(costBasis, "cost basis");
  }

  public static Position flat(Symbol symbol) {
    return new Position(symbol, BigDecimal.ZERO, Money.ZERO);
  }

  public boolean isFlat() {
    return quantity.signum() == 0;
  }

  /** The exact market value of the position at {@code mark}: negative for a short. */
  public Money marketValue(Price mark) {
    return isFlat() ? Money.ZERO : new Money(quantity.multiply(mark.value()));
  }

  public Money unrealizedPnl(Price mark) {
    return marketValue(mark).minus(costBasis);
  }

  /** The average entry price, rounded half-even to 10 decimals; null when flat. */
  public Price averageEntryPrice() {
    if (isFlat()) {
      return null;
    }
    return new Price(costBasis.amount().divide(quantity, AVERAGE_PRICE_SCALE, RoundingMode.HALF_EVEN));
  }
}
