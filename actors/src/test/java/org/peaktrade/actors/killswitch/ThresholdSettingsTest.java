package org.peaktrade.actors.killswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.peaktrade.engine.killswitch.ComparisonOperator;
import org.peaktrade.engine.killswitch.ThresholdMetric;
import org.peaktrade.engine.killswitch.ThresholdRule;
import org.peaktrade.protocol.killswitch.KillSwitchScope;

class ThresholdSettingsTest {

  private static ThresholdSettings parse(String rules) {
    return ThresholdSettings.fromConfig(ConfigFactory.parseString("peaktrade.kill-switch.thresholds = " + rules));
  }

  @Test
  void theDefaultsKillGloballyOnA15PercentDrawdownAndPerScopeOnA5PercentDailyLoss() {
    assertThat(ThresholdSettings.fromConfig(ConfigFactory.load()).rules()).containsExactly(
        new ThresholdRule(ThresholdMetric.DRAWDOWN_FROM_PEAK, ComparisonOperator.LESS_OR_EQUAL, -0.15,
            Optional.of(KillSwitchScope.GLOBAL)),
        new ThresholdRule(ThresholdMetric.DAILY_LOSS_PCT, ComparisonOperator.LESS_OR_EQUAL, -0.05,
            Optional.empty()));
  }

  @Test
  void anUnknownOperatorFailsNamingItsConfigPath() {
    assertThatThrownBy(() -> parse("[ { metric = drawdown-from-peak, operator = \"<=\", threshold = -0.1 },"
        + " { metric = daily-loss-pct, operator = \"=<\", threshold = -0.05 } ]"))
        .hasMessage("peaktrade.kill-switch.thresholds[1].operator: unknown operator '=<' (expected one of < <= > >=)");
  }

  @Test
  void anUnknownMetricFailsNamingItsConfigPath() {
    assertThatThrownBy(() -> parse("[ { metric = sharpe, operator = \"<\", threshold = 0 } ]"))
        .hasMessageStartingWith("peaktrade.kill-switch.thresholds[0].metric: unknown metric 'sharpe'");
  }

  @Test
  void aMissingThresholdOrABadScopeFailsNamingItsConfigPath() {
    assertThatThrownBy(() -> parse("[ { metric = daily-loss-pct, operator = \"<\" } ]"))
        .hasMessageStartingWith("peaktrade.kill-switch.thresholds[0].threshold: ");
    assertThatThrownBy(() -> parse("[ { metric = daily-loss-pct, operator = \"<\", threshold = 0, scope = all } ]"))
        .hasMessageStartingWith("peaktrade.kill-switch.thresholds[0].scope: ");
  }
}
