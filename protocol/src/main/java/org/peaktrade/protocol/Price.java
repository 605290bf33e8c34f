package org.peaktrade.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Objects;

/** A strictly positive, exact price in the quote currency, in canonical decimal form. */
public record Price(@JsonValue BigDecimal value) implements Comparable<Price> {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public Price {
    Objects.requireNonNull(value, "price");
    if (value.signum() <= 0) {
      throw new IllegalArgumentException("price must be positive: " + value.toPlainString());
    }
    value = Decimals.canonical(value);
  }

  public static Price of(String text) {
    return new Price(Decimals.parse(text, "price"));
  }

  public static Price of(long units) {
    return new Price(BigDecimal.valueOf(units));
  }

  /** An approximate view for indicators and statistics; never for ledger arithmetic. */
  public double toDouble() {
    return value.doubleValue();
  }

  @Override
  public int compareTo(Price other) {
    return value.compareTo(other.value);
  }

  public boolean isAbove(Price other) {
    return compareTo(other) > 0;
  }

  public boolean isBelow(Price other) {
    return compareTo(other) < 0;
  }

  @Override
  public String toString() {
    return value.toPlainString();
  }
}
