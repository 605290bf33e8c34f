package org.peaktrade.protocol;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A tradable pair with its exchange granularity: prices are multiples of {@code tickSize}, quantities
 * multiples of {@code lotSize}, and an order must be at least {@code minQuantity}. Values that come from
 * the outside are checked here ({@link #price}, {@link #quantity}); values the system computes are rounded
 * here, always in the direction that is adverse to us.
 */
public record Instrument(Symbol symbol, BigDecimal tickSize, BigDecimal lotSize, BigDecimal minQuantity) {

  public Instrument {
    Objects.requireNonNull(symbol, "symbol");
    requirePositive(tickSize, "tick size");
    requirePositive(lotSize, "lot size");
    Objects.requireNonNull(minQuantity, "minimum quantity");
    if (minQuantity.signum() < 0) {
      throw new IllegalArgumentException("minimum quantity must not be negative: " + minQuantity.toPlainString());
    }
    tickSize = Decimals.canonical(tickSize);
    lotSize = Decimals.canonical(lotSize);
    minQuantity = Decimals.canonical(minQuantity);
  }

  /** An instrument with the given decimal places for price and quantity and no minimum size. */
  public static Instrument withScales(Symbol symbol, int priceScale, int quantityScale) {
    return new Instrument(symbol, BigDecimal.ONE.movePointLeft(priceScale), BigDecimal.ONE.movePointLeft(quantityScale),
        BigDecimal.ZERO);
  }

  public int priceScale() {
    return Math.max(0, tickSize.scale());
  }

  public int quantityScale() {
    return Math.max(0, lotSize.scale());
  }

  /** Accepts an external price only if it is on the tick grid. */
  public Price price(BigDecimal value) {
    Price price = new Price(value);
    if (!isMultiple(price.value(), tickSize)) {
      throw new IllegalArgumentException("price " + price + " of " + symbol + " is not a multiple of the tick size "
          + tickSize.toPlainString());
    }
    return price;
  }

  /** Accepts an external quantity only if it is on the lot grid. */
  public Quantity quantity(BigDecimal value) {
    Quantity quantity = new Quantity(value);
    if (!isMultiple(quantity.value(), lotSize)) {
      throw new IllegalArgumentException("quantity " + quantity + " of " + symbol + " is not a multiple of the lot size "
          + lotSize.toPlainString());
    }
    return quantity;
  }

  public Price roundPriceUp(BigDecimal value) {
    return new Price(roundToStep(value, tickSize, RoundingMode.CEILING));
  }

  public Price roundPriceDown(BigDecimal value) {
    BigDecimal rounded = roundToStep(value, tickSize, RoundingMode.FLOOR);
    return new Price(rounded.signum() > 0 ? rounded : tickSize);
  }

  /** Rounds a computed size down to the lot grid; zero when below the minimum order size. */
  public Quantity roundQuantityDown(BigDecimal value) {
    BigDecimal rounded = roundToStep(value.max(BigDecimal.ZERO), lotSize, RoundingMode.FLOOR);
    return rounded.compareTo(minQuantity) < 0 ? Quantity.ZERO : new Quantity(rounded);
  }

  private static BigDecimal roundToStep(BigDecimal value, BigDecimal step, RoundingMode mode) {
    return value.divide(step, 0, mode).multiply(step);
  }

  private static boolean isMultiple(BigDecimal value, BigDecimal step) {
    return value.remainder(step).signum() == 0;
  }

  private static void requirePositive(BigDecimal value, String what) {
    Objects.requireNonNull(value, what);
    if (value.signum() <= 0) {
      throw new IllegalArgumentException(what + " must be positive: " + value.toPlainString());
    }
  }
}
