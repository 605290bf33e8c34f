package org.peaktrade.engine.strategy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A strategy's parameters after validation: every declared parameter has a value of its declared type, either
 * given or its default. Strategy factories read them by name; asking for an undeclared name or the wrong type is
 * a bug in the definition, not a user error.
 */
public final class ParameterValues {

  private final Map<String, Object> values;

  private ParameterValues(Map<String, Object> values) {
    this.values = values;
  }

  /** Validates {@code given} against {@code specs} and fills in defaults for the parameters not given. */
  static ParameterValues resolve(List<ParameterSpec> specs, Map<String, String> given) {
    for (String name : given.keySet()) {
      if (specs.stream().noneMatch(spec -> spec.name().equals(name))) {
        throw new IllegalArgumentException("unknown parameter '" + name + "'; valid parameters: " + usage(specs));
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (ParameterSpec spec : specs) {
      values.put(spec.name(), spec.parse(given.getOrDefault(spec.name(), spec.defaultValue())));
    }
    return new ParameterValues(values);
  }

  static String usage(List<ParameterSpec> specs) {
    return specs.isEmpty() ? "none" : specs.stream().map(ParameterSpec::usage).collect(Collectors.joining(", "));
  }

  public int integer(String name) {
    return (Integer) value(name);
  }

  public double decimal(String name) {
    return (Double) value(name);
  }

  public boolean flag(String name) {
    return (Boolean) value(name);
  }

  private Object value(String name) {
    Object value = values.get(name);
    if (value == null) {
      throw new IllegalStateException("no parameter '" + name + "' is declared; declared: " + values.keySet());
    }
    return value;
  }
}
