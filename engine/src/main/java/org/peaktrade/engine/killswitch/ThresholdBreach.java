package org.peaktrade.engine.killswitch;

import java.time.Instant;
import java.util.Map;
import org.peaktrade.protocol.killswitch.KillSwitchScope;

/** A rule that has just started to hold: what the kill-switch trigger records. */
public record ThresholdBreach(ThresholdRule rule, KillSwitchScope scope, double value, Instant at) {

  /** Stable per metric, e.g. {@code threshold:drawdown}, so the journal groups repeated breaches. */
  public String identity() {
    return "threshold:" + rule.metric().configName();
  }

  public String reason() {
    return rule.metric().configName() + " " + value + " " + rule.operator().symbol() + " " + rule.threshold();
  }

  public Map<String, String> metadata() {
    return Map.of(
        "metric", rule.metric().configName(),
        "value", Double.toString(value),
        "operator", rule.operator().symbol(),
        "threshold", Double.toString(rule.threshold()),
        "observedAt", at.toString());
  }
}
