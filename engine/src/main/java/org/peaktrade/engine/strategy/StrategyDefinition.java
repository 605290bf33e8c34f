package org.peaktrade.engine.strategy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A named strategy as the command line sees it: what it does, which parameters it takes, and how to build it
 * from validated parameter values. Rules that tie parameters together (such as fast &lt; slow) live in the
 * strategy's constructor, so a strategy built directly in code is checked the same way.
 */
public record StrategyDefinition(
    String name, String description, List<ParameterSpec> parameters, Function<ParameterValues, Strategy> factory) {

  public StrategyDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(factory, "factory");
    parameters = List.copyOf(parameters);
    if (parameters.stream().map(ParameterSpec::name).distinct().count() != parameters.size()) {
      throw new IllegalArgumentException(name + ": duplicate parameter names in " + parameters);
    }
  }

  /**
   * Builds a fresh strategy from command-line parameter text; missing parameters take their defaults. Every
   * rejection is an {@link IllegalArgumentException} whose message starts with the strategy name.
   */
  public Strategy create(Map<String, String> given) {
    try {
      return factory.apply(ParameterValues.resolve(parameters, given));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("strategy " + name + ": " + e.getMessage(), e);
    }
  }

  /** Every parameter with the given value or its default, in declaration order, for reports. */
  public Map<String, String> effectiveParameters(Map<String, String> given) {
    Map<String, String> effective = new LinkedHashMap<>();
    parameters.forEach(spec -> effective.put(spec.name(), given.getOrDefault(spec.name(), spec.defaultValue())));
    return Collections.unmodifiableMap(effective);
  }

  /** The parameters with defaults and ranges, for help text and error messages. */
  public String usage() {
    return ParameterValues.usage(parameters);
  }
}
