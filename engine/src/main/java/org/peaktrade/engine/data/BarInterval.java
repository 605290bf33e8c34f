package org.peaktrade.engine.data;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The bar intervals a user may ask for on the command line ({@code --bar 5m}). */
public final class BarInterval {
  private static final Map<String, Duration> FORMS = forms();

  private BarInterval() {}

  /** Parses {@code 1m, 5m, 15m, 1h, 4h} or {@code 1d}; anything else is rejected with the list of valid forms. */
  public static Duration parse(String text) {
    Duration interval = text == null ? null : FORMS.get(text.trim());
    if (interval == null) {
      throw new IllegalArgumentException(
          "unknown bar interval '" + text + "'; valid forms are " + String.join(", ", FORMS.keySet()));
    }
    return interval;
  }

  /** The short form of a standard interval ({@code 1m}), or ISO-8601 ({@code PT7M}) for any other. */
  public static String format(Duration interval) {
    return FORMS.entrySet().stream()
        .filter(form -> form.getValue().equals(interval))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(interval.toString());
  }

  private static Map<String, Duration> forms() {
    Map<String, Duration> forms = new LinkedHashMap<>();
    forms.put("1m", Duration.ofMinutes(1));
    forms.put("5m", Duration.ofMinutes(5));
    forms.put("15m", Duration.ofMinutes(15));
    forms.put("1h", Duration.ofHours(1));
    forms.put("4h", Duration.ofHours(4));
    forms.put("1d", Duration.ofDays(1));
    return forms;
  }
}
