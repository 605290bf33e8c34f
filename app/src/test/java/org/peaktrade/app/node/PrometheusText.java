package org.peaktrade.app.node;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one series out of a Prometheus text scrape. */
final class PrometheusText {

  private PrometheusText() {}

  /** The value of {@code series} (a regex for the name and labels), or NaN when it is not in {@code text}. */
  static double value(String text, String series) {
    Matcher matcher = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(text);
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
  }
}
