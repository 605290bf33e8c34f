package org.peaktrade.engine.killswitch;

import java.util.Objects;
import java.util.Optional;
import org.peaktrade.protocol.killswitch.KillSwitchScope;

/**
 * One kill rule: the switch fires while {@code metric operator threshold} holds. With a {@code scope} the rule
 * watches only samples of that scope and kills it; without one it watches every scope's samples and kills the scope
 * the breaching sample came from (e.g. a per-session daily loss).
 */
public record ThresholdRule(ThresholdMetric metric, ComparisonOperator operator, double threshold,
    Optional<KillSwitchScope> scope) {

  public ThresholdRule {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(scope, "scope");
    if (!Double.isFinite(threshold)) {
      throw new IllegalArgumentException("threshold must be a finite number: " + threshold);
    }
  }

  /** {@code drawdown-from-peak <= -0.15}. */
  public String describe() {
    return metric.configName() + " " + operator.symbol() + " " + threshold;
  }

  boolean watches(KillSwitchScope sampleScope, ThresholdMetric sampleMetric) {
    return metric == sampleMetric && scope.map(sampleScope::equals).orElse(true);
  }
}
