package org.peaktrade.engine.strategy;

/** The kinds of value a strategy parameter takes; the phrase is what error messages say was expected. */
public enum ParameterType {
  INTEGER("an integer"),
  DECIMAL("a decimal number"),
  BOOLEAN("true or false");

  private final String expected;

  ParameterType(String expected) {
    this.expected = expected;
  }

  String expected() {
    return expected;
  }
}
