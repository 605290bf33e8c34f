package org.peaktrade.engine.killswitch;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a metric is compared with its threshold; a rule is breached while the comparison holds. */
public enum ComparisonOperator {
  LESS("<"),
  LESS_OR_EQUAL("<="),
  GREATER(">"),
  GREATER_OR_EQUAL(">=");

  private final String symbol;

  ComparisonOperator(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  /** NaN never holds, so a NaN sample cannot breach a rule. */
  public boolean holds(double value, double threshold) {
    switch (this) {
      case LESS:
        return value < threshold;
      case LESS_OR_EQUAL:
        return value <= threshold;
      case GREATER:
        return value > threshold;
      case GREATER_OR_EQUAL:
        return value >= threshold;
      default:
        throw new AssertionError(this);
    }
  }

  /** @throws IllegalArgumentException naming the accepted symbols */
  public static ComparisonOperator parse(String symbol) {
    for (ComparisonOperator operator : values()) {
      if (operator.symbol.equals(symbol)) {
        return operator;
      }
    }
    throw new IllegalArgumentException("unknown operator '" + symbol + "' (expected one of "
        + Arrays.stream(values()).map(ComparisonOperator::symbol).collect(Collectors.joining(" ")) + ")");
  }
}
