package org.peaktrade.engine.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/** Reads the empyrical test cases copied into {@code oracles/empyrical} (see the README next to them). */
final class EmpyricalOracle {

  private static final String RESOURCE = "/oracles/empyrical/empyrical_test_stats_cases.json";

  private EmpyricalOracle() {
  }

  static List<EmpyricalCase> cases() {
    JsonNode root = read();
    Map<String, double[]> series = new HashMap<>();
    root.get("series").properties().forEach(entry -> series.put(entry.getKey(),
        StreamSupport.stream(entry.getValue().get("values").spliterator(), false)
            .mapToDouble(value -> value.isNull() ? Double.NaN : value.asDouble())
            .toArray()));
    Map<String, Double> annualizationFactors = new HashMap<>();
    root.get("annualization_factors").properties()
        .forEach(entry -> annualizationFactors.put(entry.getKey(), entry.getValue().asDouble()));
    Map<String, double[]> namedSeries = Map.copyOf(series);
    Map<String, Double> factors = Map.copyOf(annualizationFactors);
    return StreamSupport.stream(root.get("cases").spliterator(), false)
        .map(json -> new EmpyricalCase(json, namedSeries, factors))
        .toList();
  }

  private static JsonNode read() {
    try (InputStream in = EmpyricalOracle.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + RESOURCE);
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
