package org.peaktrade.engine.strategy;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * One tunable parameter of a strategy: its name on the command line ({@code --param name=value}), its type,
 * the default used when it is not given, its inclusive range and a one-line description.
 *
 * <p>Numeric parameters always have both bounds and booleans have none ({@code min} and {@code max} are null),
 * so every accepted value is one the strategy was designed for. The default must itself be valid, which makes a
 * definition with a broken default fail when the catalog loads rather than when a user omits the parameter.
 */
public record ParameterSpec(
    String name, ParameterType type, String defaultValue, BigDecimal min, BigDecimal max, String description) {

  /** Longer windows are almost certainly typos, and each indicator window allocates that many doubles. */
  static final int MAX_PERIOD = 10_000;

  public ParameterSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "default value");
    Objects.requireNonNull(description, "description");
    boolean bounded = min != null && max != null;
    boolean unbounded = min == null && max == null;
    if (type == ParameterType.BOOLEAN ? !unbounded : !bounded) {
      throw new IllegalArgumentException(name + ": numeric parameters need both bounds, booleans none");
    }
    if (bounded && min.compareTo(max) > 0) {
      throw new IllegalArgumentException(name + ": min " + min + " is above max " + max);
    }
    parse(name, type, defaultValue, min, max);
  }

  public static ParameterSpec integer(String name, int defaultValue, int min, int max, String description) {
    return new ParameterSpec(name, ParameterType.INTEGER, Integer.toString(defaultValue), BigDecimal.valueOf(min),
        BigDecimal.valueOf(max), description);
  }

  /** A window length in bars, from {@code min} up to {@link #MAX_PERIOD}. */
  public static ParameterSpec period(String name, int defaultValue, int min, String description) {
    return integer(name, defaultValue, min, MAX_PERIOD, description);
  }

  public static ParameterSpec decimal(String name, String defaultValue, String min, String max, String description) {
    return new ParameterSpec(name, ParameterType.DECIMAL, defaultValue, new BigDecimal(min), new BigDecimal(max),
        description);
  }

  public static ParameterSpec flag(String name, boolean defaultValue, String description) {
    return new ParameterSpec(name, ParameterType.BOOLEAN, Boolean.toString(defaultValue), null, null, description);
  }

  /**
   * Converts command-line text to an {@link Integer}, {@link Double} or {@link Boolean}, or throws an
   * {@link IllegalArgumentException} naming this parameter, the value and the broken constraint.
   */
  Object parse(String text) {
    return parse(name, type, text, min, max);
  }

  /** The parameter as a user would write it, with its constraint: {@code fast=10 (integer 1..10000)}. */
  public String usage() {
    return name + "=" + defaultValue + " (" + constraint() + ")";
  }

  /** The accepted values: {@code integer 1..10000}, {@code decimal 0..100} or {@code true|false}. */
  public String constraint() {
    return type == ParameterType.BOOLEAN ? "true|false"
        : type.name().toLowerCase(Locale.ROOT) + " " + min.toPlainString() + ".." + max.toPlainString();
  }

  private static Object parse(String name, ParameterType type, String text, BigDecimal min, BigDecimal max) {
    String trimmed = text == null ? "" : text.trim();
    if (type == ParameterType.BOOLEAN) {
      if (trimmed.equalsIgnoreCase("true") || trimmed.equalsIgnoreCase("false")) {
        return Boolean.valueOf(trimmed);
      }
      throw notA(name, type, text);
    }
    BigDecimal number = number(name, type, text, trimmed);
    if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
      throw new IllegalArgumentException(name + " must be between " + min.toPlainString() + " and "
          + max.toPlainString() + " but was " + trimmed);
    }
    if (type == ParameterType.INTEGER) {
      return number.intValueExact();
    }
    return number.doubleValue();
  }

  private static BigDecimal number(String name, ParameterType type, String text, String trimmed) {
    try {
      BigDecimal number = new BigDecimal(trimmed);
      if (type == ParameterType.INTEGER && number.stripTrailingZeros().scale() > 0) {
        throw notA(name, type, text);
      }
      return number;
    } catch (NumberFormatException e) {
      throw notA(name, type, text);
    }
  }

  private static IllegalArgumentException notA(String name, ParameterType type, String text) {
    return new IllegalArgumentException(name + " must be " + type.expected() + " but was '" + text + "'");
  }
}
