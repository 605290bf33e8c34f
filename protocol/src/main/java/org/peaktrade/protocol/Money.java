package org.peaktrade.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An exact signed amount of the quote currency (cash, fees, P&amp;L, equity). Arithmetic is exact;
 * callers that divide choose the rounding explicitly, so no amount is ever lost silently.
 */
public record Money(@JsonValue BigDecimal amount) implements Comparable<Money> {
  public static final Money ZERO = new Money(BigDecimal.ZERO);

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public Money {
    Objects.requireNonNull(amount, "amount");
    amount = Decimals.canonical(amount);
  }

  public static Money of(String text) {
    return new Money(Decimals.parse(text, "money amount"));
  }

  public static Money of(BigDecimal amount) {
    return new Money(amount);
  }

  /** The exact notional of {@code quantity} at {@code price}. */
  public static Money notional(Quantity quantity, Price price) {
    return new Money(quantity.value().multiply(price.value()));
  }

  public Money plus(Money other) {
    return new Money(amount.add(other.amount));
  }

  public Money minus(Money other) {
    return new Money(amount.subtract(other.amount));
  }

  public Money negate() {
    return new Money(amount.negate());
  }

  public Money times(BigDecimal factor) {
    return new Money(amount.multiply(factor));
  }

  public int signum() {
    return amount.signum();
  }

  public boolean isNegative() {
    return amount.signum() < 0;
  }

  public Money max(Money other) {
    return compareTo(other) >= 0 ? this : other;
  }

  public double toDouble() {
    return amount.doubleValue();
  }

  @Override
  public int compareTo(Money other) {
    return amount.compareTo(other.amount);
  }

  @Override
  public String toString() {
    return amount.toPlainString();
  }
}
