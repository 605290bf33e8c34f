package org.peaktrade.engine.report;

import java.util.Locale;

/**
 * A self-contained SVG line chart (no scripts, no external assets) so a report opens offline. Long series are
 * reduced to the minimum and maximum of each horizontal pixel bucket, which keeps every peak and trough.
 */
public final class SvgLineChart {
  private static final int WIDTH = 960;
  private static final int HEIGHT = 260;
  private static final int MARGIN_LEFT = 80;
  private static final int MARGIN_BOTTOM = 24;

  private SvgLineChart() {}

  public static String render(String title, long[] timesMillis, double[] values, String color, boolean percent) {
    if (values.length == 0) {
      return "<p>No data for " + Html.escape(title) + ".</p>";
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    if (max == min) {
      max = min + (min == 0 ? 1 : Math.abs(min) * 0.01);
    }
    int plotWidth = WIDTH - MARGIN_LEFT - 10;
    int plotHeight = HEIGHT - MARGIN_BOTTOM - 20;
    StringBuilder points = new StringBuilder();
    int buckets = Math.min(plotWidth, values.length);
    for (int b = 0; b < buckets; b++) {
      int from = (int) ((long) b * values.length / buckets);
      int to = (int) ((long) (b + 1) * values.length / buckets);
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int i = from; i < to; i++) {
        lo = Math.min(lo, values[i]);
        hi = Math.max(hi, values[i]);
      }
      double x = MARGIN_LEFT + (buckets == 1 ? 0 : (double) b * plotWidth / (buckets - 1));
      point(points, x, y(hi, min, max, plotHeight));
      if (lo != hi) {
        point(points, x, y(lo, min, max, plotHeight));
      }
    }
    String label = percent ? "%.2f%%" : "%,.2f";
    double scale = percent ? 100 : 1;
    return "<figure><figcaption>" + Html.escape(title) + "</figcaption>"
        + "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" role=\"img\">"
        + "<text x=\"4\" y=\"24\" class=\"axis\">" + String.format(Locale.ROOT, label, max * scale) + "</text>"
        + "<text x=\"4\" y=\"" + (plotHeight + 20) + "\" class=\"axis\">" + String.format(Locale.ROOT, label, min * scale)
        + "</text>"
        + "<text x=\"" + MARGIN_LEFT + "\" y=\"" + (HEIGHT - 4) + "\" class=\"axis\">" + Html.time(timesMillis[0])
        + "</text>"
        + "<text x=\"" + (WIDTH - 10) + "\" y=\"" + (HEIGHT - 4) + "\" class=\"axis\" text-anchor=\"end\">"
        + Html.time(timesMillis[timesMillis.length - 1]) + "</text>"
        + "<polyline fill=\"none\" stroke=\"" + color + "\" stroke-width=\"1.2\" points=\"" + points + "\"/>"
        + "</svg></figure>";
  }

  private static double y(double value, double min, double max, int plotHeight) {
    return 20 + (max - value) / (max - min) * plotHeight;
  }

  private static void point(StringBuilder points, double x, double y) {
    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
  }
}
