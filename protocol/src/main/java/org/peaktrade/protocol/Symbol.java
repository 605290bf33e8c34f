package org.peaktrade.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/** A trading pair written BASE/QUOTE in upper case, e.g. {@code BTC/USD}. */
public record Symbol(@JsonValue String value) {
  private static final Pattern FORMAT = Pattern.compile("[A-Z0-9]{1,16}/[A-Z0-9]{1,16}");

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public Symbol {
    Objects.requireNonNull(value, "symbol");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("symbol must look like BASE/QUOTE (e.g. BTC/USD): '" + value + "'");
    }
  }

  public static Symbol of(String value) {
    return new Symbol(value);
  }

  public String base() {
    return value.substring(0, value.indexOf('/'));
  }

  public String quote() {
    return value.substring(value.indexOf('/') + 1);
  }

  @Override
  public String toString() {
    return value;
  }
}
