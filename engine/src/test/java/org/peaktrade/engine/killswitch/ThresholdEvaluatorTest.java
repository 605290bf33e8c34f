package org.peaktrade.engine.killswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.peaktrade.protocol.killswitch.KillSwitchScope;

class ThresholdEvaluatorTest {
  private static final Instant T = Instant.parse("2026-01-05T10:00:00Z");
  private static final KillSwitchScope S1 = KillSwitchScope.session("s1");
  private static final KillSwitchScope S2 = KillSwitchScope.session("s2");
  private final ThresholdRule drawdown = new ThresholdRule(ThresholdMetric.DRAWDOWN_FROM_PEAK,
      ComparisonOperator.LESS_OR_EQUAL, -0.15, Optional.of(KillSwitchScope.GLOBAL));
  private final ThresholdRule dailyLoss = new ThresholdRule(ThresholdMetric.DAILY_LOSS_PCT,
      ComparisonOperator.LESS_OR_EQUAL, -0.05, Optional.empty());
  private final ThresholdEvaluator evaluator = new ThresholdEvaluator(List.of(drawdown, dailyLoss));

  @Test
  void aBreachFiresOnceWhileItPersistsAndAgainAfterTheMetricRecovers() {
    assertThat(evaluator.onSample(KillSwitchScope.GLOBAL, ThresholdMetric.DRAWDOWN_FROM_PEAK, -0.10, T)).isEmpty();
    assertThat(evaluator.onSample(KillSwitchScope.GLOBAL, ThresholdMetric.DRAWDOWN_FROM_PEAK, -0.15, T))
        .containsExactly(new ThresholdBreach(drawdown, KillSwitchScope.GLOBAL, -0.15, T));
    assertThat(evaluator.onSample(KillSwitchScope.GLOBAL, ThresholdMetric.DRAWDOWN_FROM_PEAK, -0.20, T)).isEmpty();
    assertThat(evaluator.onSample(KillSwitchScope.GLOBAL, ThresholdMetric.DRAWDOWN_FROM_PEAK, -0.14, T)).isEmpty();
    assertThat(evaluator.onSample(KillSwitchScope.GLOBAL, ThresholdMetric.DRAWDOWN_FROM_PEAK, -0.16, T))
        .hasSize(1);
  }

  @Test
  void aScopedRuleIgnoresSamplesOfOtherScopes() {
    assertThat(evaluator.onSample(S1, ThresholdMetric.DRAWDOWN_FROM_PEAK, -0.50, T)).isEmpty();
  }

  @Test
  void anUnscopedRuleFiresSeparatelyForEachScopeThatBreaches() {
    assertThat(evaluator.onSample(S1, ThresholdMetric.DAILY_LOSS_PCT, -0.06, T))
        .extracting(ThresholdBreach::scope).containsExactly(S1);
    assertThat(evaluator.onSample(S2, ThresholdMetric.DAILY_LOSS_PCT, -0.07, T))
        .extracting(ThresholdBreach::scope).containsExactly(S2);
    assertThat(evaluator.onSample(S1, ThresholdMetric.DAILY_LOSS_PCT, -0.08, T)).isEmpty();
  }

  @Test
  void aNanSampleNeitherFiresNorRearms() {
    evaluator.onSample(S1, ThresholdMetric.DAILY_LOSS_PCT, -0.06, T);
    assertThat(evaluator.onSample(S1, ThresholdMetric.DAILY_LOSS_PCT, Double.NaN, T)).isEmpty();
    assertThat(evaluator.onSample(S1, ThresholdMetric.DAILY_LOSS_PCT, -0.06, T)).isEmpty();
  }

  @Test
  void aBreachCarriesItsIdentityReasonAndMetadata() {
    ThresholdBreach breach = evaluator.onSample(S1, ThresholdMetric.DAILY_LOSS_PCT, -0.06, T).get(0);
    assertThat(breach.identity()).isEqualTo("threshold:daily-loss-pct");
    assertThat(breach.reason()).isEqualTo("daily-loss-pct -0.06 <= -0.05");
    assertThat(breach.metadata()).containsEntry("metric", "daily-loss-pct").containsEntry("value", "-0.06")
        .containsEntry("threshold", "-0.05").containsEntry("operator", "<=");
  }

  @Test
  void everyOperatorComparesAsItsSymbolSays() {
    assertThat(ComparisonOperator.parse("<").holds(1, 1)).isFalse();
    assertThat(ComparisonOperator.parse("<=").holds(1, 1)).isTrue();
    assertThat(ComparisonOperator.parse(">").holds(2, 1)).isTrue();
    assertThat(ComparisonOperator.parse(">=").holds(0.5, 1)).isFalse();
  }

  @Test
  void unknownOperatorsAndMetricsAreRejectedWithTheAcceptedValues() {
    assertThatThrownBy(() -> ComparisonOperator.parse("=<")).hasMessage(
        "unknown operator '=<' (expected one of < <= > >=)");
    assertThatThrownBy(() -> ThresholdMetric.parse("drawdown")).hasMessage(
        "unknown metric 'drawdown' (known: drawdown-from-peak, daily-loss-pct)");
  }
}
