package org.peaktrade.app.k8s;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Memory sizes in bytes from Kubernetes quantities ({@code 1280Mi}, {@code 2G}) and JVM flags ({@code 768m}). */
final class Quantities {

  private static final Pattern KUBERNETES = Pattern.compile("(\\d+)(Ki|Mi|Gi|Ti|k|M|G|T)?");
  private static final Pattern JVM = Pattern.compile("(\\d+)([kKmMgGtT])?");
  private static final Map<String, Long> KUBERNETES_UNITS = Map.of("Ki", 1L << 10, "Mi", 1L << 20, "Gi", 1L << 30,
      "Ti", 1L << 40, "k", 1_000L, "M", 1_000_000L, "G", 1_000_000_000L, "T", 1_000_000_000_000L);

  private Quantities() {}

  static long kubernetesBytes(String quantity) {
    Matcher matcher = KUBERNETES.matcher(quantity.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not a memory quantity: " + quantity);
    }
    long unit = matcher.group(2) == null ? 1 : KUBERNETES_UNITS.get(matcher.group(2));
    return Long.parseLong(matcher.group(1)) * unit;
  }

  /** A JVM size such as {@code -Xmx768m}'s {@code 768m}; also the {@code 1G} of Cassandra's MAX_HEAP_SIZE. */
  static long jvmBytes(String size) {
    Matcher matcher = JVM.matcher(size.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not a JVM size: " + size);
    }
    int shift = matcher.group(2) == null ? 0
        : switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
          case "k" -> 10;
          case "m" -> 20;
          case "g" -> 30;
          default -> 40;
        };
    return Long.parseLong(matcher.group(1)) << shift;
  }

  /** CPU in millicores: {@code 500m} or {@code 2}. */
  static long millicores(String quantity) {
    String q = quantity.trim();
    return q.endsWith("m") ? Long.parseLong(q.substring(0, q.length() - 1)) : Math.round(Double.parseDouble(q) * 1000);
  }
}
