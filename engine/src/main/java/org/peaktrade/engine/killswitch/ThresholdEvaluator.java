package org.peaktrade.engine.killswitch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.peaktrade.protocol.killswitch.KillSwitchScope;

/**
 * Evaluates metric samples against the configured rules and reports each breach once: a rule that holds for a
 * scope fires, then stays quiet until a sample shows it no longer holds (re-armed). NaN samples are ignored, they
 * neither fire nor re-arm. Single-threaded; the owning actor serialises access.
 */
public final class ThresholdEvaluator {
  private final List<ThresholdRule> rules;
  private final Set<Firing> fired = new HashSet<>();

  public ThresholdEvaluator(List<ThresholdRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The breaches this sample starts, in rule order; empty while a breach persists. */
  public List<ThresholdBreach> onSample(KillSwitchScope scope, ThresholdMetric metric, double value, Instant at) {
    Objects.requireNonNull(scope, "scope");
    if (Double.isNaN(value)) {
      return List.of();
    }
    List<ThresholdBreach> breaches = List.of();
    for (int i = 0; i < rules.size(); i++) {
      ThresholdRule rule = rules.get(i);
      if (!rule.watches(scope, metric)) {
        continue;
      }
      Firing firing = new Firing(i, scope);
      if (!rule.operator().holds(value, rule.threshold())) {
        fired.remove(firing);
      } else if (fired.add(firing)) {
        if (breaches.isEmpty()) {
          breaches = new ArrayList<>();
        }
        breaches.add(new ThresholdBreach(rule, scope, value, at));
      }
    }
    return breaches;
  }

  public List<ThresholdRule> rules() {
    return rules;
  }

  private record Firing(int rule, KillSwitchScope scope) {}
}
