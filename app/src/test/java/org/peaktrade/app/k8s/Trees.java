package org.peaktrade.app.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading parts of parsed manifests: container ports and environment, label maps and selectors, string lists. */
final class Trees {

  private static final Pattern EQUALITY = Pattern.compile("\\s*([A-Za-z0-9./_-]+)\\s*==?\\s*([A-Za-z0-9._-]*)\\s*");

  private Trees() {}

  static Map<String, Integer> containerPorts(JsonNode container) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    container.path("ports").forEach(port -> ports.put(port.path("name").asText(), port.path("containerPort").asInt()));
    return ports;
  }

  /** The container's environment; values from the downward API or a Secret as {@code <from ...>} placeholders. */
  static Map<String, String> env(JsonNode container) {
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode variable : container.path("env")) {
      env.put(variable.path("name").asText(), variable.has("value") ? variable.path("value").asText()
          : "<from " + variable.path("valueFrom") + ">");
    }
    return env;
  }

  /** A label selector of {@code key=value} (or {@code key==value}) terms as a map; empty for any other form. */
  static Optional<Map<String, String>> equalitySelector(String selector) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String term : selector.split(",")) {
      Matcher matcher = EQUALITY.matcher(term);
      if (!matcher.matches()) {
        return Optional.empty();
      }
      labels.put(matcher.group(1), matcher.group(2));
    }
    return Optional.of(labels);
  }

  static Map<String, String> strings(JsonNode object) {
    Map<String, String> map = new LinkedHashMap<>();
    object.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asText()));
    return map;
  }

  static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }
}
