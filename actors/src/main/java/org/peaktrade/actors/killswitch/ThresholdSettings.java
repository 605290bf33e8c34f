package org.peaktrade.actors.killswitch;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.peaktrade.engine.killswitch.ComparisonOperator;
import org.peaktrade.engine.killswitch.ThresholdMetric;
import org.peaktrade.engine.killswitch.ThresholdRule;
import org.peaktrade.protocol.killswitch.KillSwitchScope;

/**
 * The kill rules of the {@link ThresholdTrigger}, from {@code peaktrade.kill-switch.thresholds}: a list of
 * {@code { metric, operator, threshold, scope? }}. A rule that cannot be read fails startup with its config path,
 * e.g. {@code peaktrade.kill-switch.thresholds[1].operator: unknown operator '=<' (expected one of < <= > >=)}.
 */
public record ThresholdSettings(List<ThresholdRule> rules) {
  public static final String PATH = "peaktrade.kill-switch.thresholds";

  public ThresholdSettings {
    rules = List.copyOf(rules);
  }

  public static ThresholdSettings fromConfig(Config root) {
    List<? extends Config> entries = root.getConfigList(PATH);
    List<ThresholdRule> rules = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      rules.add(rule(entries.get(i), PATH + "[" + i + "]"));
    }
    return new ThresholdSettings(rules);
  }

  private static ThresholdRule rule(Config entry, String path) {
    ThresholdMetric metric = read(path + ".metric", () -> ThresholdMetric.parse(entry.getString("metric")));
    ComparisonOperator operator =
        read(path + ".operator", () -> ComparisonOperator.parse(entry.getString("operator")));
    double threshold = read(path + ".threshold", () -> entry.getDouble("threshold"));
    Optional<KillSwitchScope> scope = entry.hasPath("scope")
        ? Optional.of(read(path + ".scope", () -> new KillSwitchScope(entry.getString("scope"))))
        : Optional.empty();
    return read(path, () -> new ThresholdRule(metric, operator, threshold, scope));
  }

  private interface Reader<T> {
    T read();
  }

  private static <T> T read(String path, Reader<T> reader) {
    try {
      return reader.read();
    } catch (IllegalArgumentException | ConfigException e) {
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
  }
}
