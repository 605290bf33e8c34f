package org.peaktrade.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Objects;

/** A non-negative, exact amount of the base asset (order size, position size, bar volume). */
public record Quantity(@JsonValue BigDecimal value) implements Comparable<Quantity> {
  public static final Quantity ZERO = new Quantity(BigDecimal.ZERO);

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public Quantity {
    Objects.requireNonNull(value, "quantity");
    if (value.signum() < 0) {
      throw new IllegalArgumentException("quantity must not be negative: " + value.toPlainString());
    }
    value = Decimals.canonical(value);
  }

  public static Quantity of(String text) {
    return new Quantity(Decimals.parse(text, "quantity"));
  }

  public boolean isZero() {
    return value.signum() == 0;
  }

  public Quantity plus(Quantity other) {
    return new Quantity(value.add(other.value));
  }

  public Quantity minus(Quantity other) {
    return new Quantity(value.subtract(other.value));
  }

  public Quantity min(Quantity other) {
    return compareTo(other) <= 0 ? this : other;
  }

  public double toDouble() {
    return value.doubleValue();
  }

  @Override
  public int compareTo(Quantity other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value.toPlainString();
  }
}
