package org.peaktrade.engine.optimize;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.peaktrade.protocol.Decimals;

/**
 * The values one strategy parameter takes in a sweep: {@code name=FROM..TO:STEP} (inclusive, exact decimal
 * steps) or an explicit list {@code name=A,B,C}.
 */
public record ParameterRange(String name, List<String> values) {
  private static final int MAX_VALUES = 10_000;

  public ParameterRange {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("sweep parameter needs a name");
    }
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("sweep parameter '" + name + "' has no values");
    }
  }

  public static ParameterRange parse(String spec) {
    String usage = "sweep must look like name=FROM..TO:STEP or name=A,B,C: '" + spec + "'";
    int eq = spec.indexOf('=');
    if (eq <= 0 || eq == spec.length() - 1) {
      throw new IllegalArgumentException(usage);
    }
    String name = spec.substring(0, eq).trim();
    String body = spec.substring(eq + 1).trim();
    int dots = body.indexOf("..");
    if (dots < 0) {
      return new ParameterRange(name, List.of(body.split(",")).stream().map(String::trim).toList());
    }
    int colon = body.indexOf(':', dots);
    if (colon < 0) {
      throw new IllegalArgumentException(usage);
    }
    BigDecimal from = Decimals.parse(body.substring(0, dots), "sweep " + name + " start");
    BigDecimal to = Decimals.parse(body.substring(dots + 2, colon), "sweep " + name + " end");
    BigDecimal step = Decimals.parse(body.substring(colon + 1), "sweep " + name + " step");
    if (step.signum() <= 0) {
      throw new IllegalArgumentException("sweep " + name + " step must be positive: " + step.toPlainString());
    }
    if (from.compareTo(to) > 0) {
      throw new IllegalArgumentException("sweep " + name + " start " + from.toPlainString() + " is after its end "
          + to.toPlainString());
    }
    List<String> values = new ArrayList<>();
    for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
      if (values.size() == MAX_VALUES) {
        throw new IllegalArgumentException("sweep " + name + " has more than " + MAX_VALUES + " values");
      }
      values.add(Decimals.canonical(v).toPlainString());
    }
    return new ParameterRange(name, values);
  }
}
