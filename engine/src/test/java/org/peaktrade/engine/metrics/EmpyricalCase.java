package org.peaktrade.engine.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * One case of empyrical's {@code test_stats.py} as stored in the oracle file: a metric, its return series, its
 * parameters and the expected value. Named series stand in for parameters given as a string.
 */
record EmpyricalCase(JsonNode json, Map<String, double[]> series, Map<String, Double> annualizationFactors) {

  /** empyrical's default period when a case gives none (omega_ratio's {@code annualization=252}). */
  private static final String DEFAULT_PERIOD = "daily";
  private static final Set<String> NOT_PARAMETERS =
      Set.of("metric", "returns", "expected", "assert_decimal_places", "note");

  String metric() {
    return json.get("metric").asText();
  }

  double[] returns() {
    return seriesOrValues(json.get("returns"));
  }

  int decimalPlaces() {
    return json.get("assert_decimal_places").asInt();
  }

  double annualizationFactor() {
    String period = json.has("period") ? json.get("period").asText() : DEFAULT_PERIOD;
    return annualizationFactors.get(period);
  }

  boolean isSeries(String parameter) {
    return json.get(parameter).isTextual();
  }

  double scalar(String parameter) {
    return json.get(parameter).asDouble();
  }

  double[] series(String parameter) {
    return seriesOrValues(json.get(parameter));
  }

  double expectedValue() {
    return number(json.get("expected"));
  }

  double[] expectedValues() {
    return StreamSupport.stream(json.get("expected").spliterator(), false)
        .mapToDouble(EmpyricalCase::number).toArray();
  }

  /** For example {@code sharpe_ratio(mixed_returns, risk_free=simple_benchmark, period=daily)}. */
  String displayName() {
    String parameters = json.properties().stream()
        .filter(field -> !NOT_PARAMETERS.contains(field.getKey()))
        .map(field -> ", " + field.getKey() + "=" + field.getValue().asText())
        .collect(Collectors.joining());
    JsonNode returns = json.get("returns");
    String returnsLabel = returns.isTextual() ? returns.asText() : returns.toString();
    return metric() + "(" + returnsLabel + parameters + ")";
  }

  private double[] seriesOrValues(JsonNode node) {
    if (node.isTextual()) {
      double[] named = series.get(node.asText());
      if (named == null) {
        throw new IllegalStateException("oracle names unknown series " + node.asText());
      }
      return named.clone();
    }
    return StreamSupport.stream(node.spliterator(), false).mapToDouble(EmpyricalCase::number).toArray();
  }

  /** The oracle writes NaN as null and infinities as the strings "inf" and "-inf". */
  private static double number(JsonNode node) {
    if (node.isNull()) {
      return Double.NaN;
    }
    if (node.isTextual()) {
      return switch (node.asText()) {
        case "inf" -> Double.POSITIVE_INFINITY;
        case "-inf" -> Double.NEGATIVE_INFINITY;
        default -> throw new IllegalStateException("not a number in oracle: " + node);
      };
    }
    return node.asDouble();
  }
}
