package org.peaktrade.engine.killswitch;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The metrics a threshold rule may watch, by their config name. Both are fractions: -0.15 is a 15 % drawdown from
 * the equity peak, -0.05 a 5 % loss since the start of the trading day.
 */
public enum ThresholdMetric {
  DRAWDOWN_FROM_PEAK("drawdown-from-peak"),
  DAILY_LOSS_PCT("daily-loss-pct");

  private final String configName;

  ThresholdMetric(String configName) {
    this.configName = configName;
  }

  public String configName() {
    return configName;
  }

  /** @throws IllegalArgumentException naming the known metrics */
  public static ThresholdMetric parse(String name) {
    for (ThresholdMetric metric : values()) {
      if (metric.configName.equals(name)) {
        return metric;
      }
    }
    throw new IllegalArgumentException("unknown metric '" + name + "' (known: "
        + Arrays.stream(values()).map(ThresholdMetric::configName).collect(Collectors.joining(", ")) + ")");
  }
}
