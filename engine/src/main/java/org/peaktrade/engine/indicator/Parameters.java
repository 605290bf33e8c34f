package org.peaktrade.engine.indicator;

/** Constructor argument checks shared by the indicators, so every message names the parameter and value. */
final class Parameters {

  private Parameters() {}

  static int atLeast(String name, int value, int minimum) {
    if (value < minimum) {
      throw new IllegalArgumentException(name + " must be >= " + minimum + " but was " + value);
    }
    return value;
  }

  static double positiveFinite(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a positive finite number but was " + value);
    }
    return value;
  }
}
