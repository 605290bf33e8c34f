package org.peaktrade.actors.killswitch;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peaktrade.actors.fixtures.Polling;
import org.peaktrade.actors.fixtures.RecordingKillSwitchService;
import org.peaktrade.actors.fixtures.RecordingKillSwitchService.TriggerCall;
import org.peaktrade.actors.fixtures.Statuses;
import org.peaktrade.engine.killswitch.ThresholdMetric;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.TriggerKind;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
class ThresholdTriggerTest {
  private static final KillSwitchScope GLOBAL = KillSwitchScope.GLOBAL;
  private static final KillSwitchScope S1 = KillSwitchScope.session("s1");

  @JUnit5TestKit
  final ActorTestKit testKit = new JUnit5TestKitBuilder().build();

  private RecordingKillSwitchService service;
  private ActorRef<ThresholdTrigger.Command> trigger;

  @BeforeEach
  void startTrigger() {
    service = new RecordingKillSwitchService();
    trigger = testKit.spawn(ThresholdTrigger.create(ThresholdSettings.fromConfig(ConfigFactory.load()), service));
  }

  private void sample(KillSwitchScope scope, ThresholdMetric metric, double value) {
    trigger.tell(new ThresholdTrigger.MetricSample(scope, metric, value, Statuses.T0));
  }

  private List<TriggerCall> awaitTriggers(int count) {
    return testKit.createTestProbe().awaitAssert(() -> {
      assertThat(service.triggers()).hasSize(count);
      return service.triggers();
    });
  }

  @Test
  void aDrawdownBreachKillsTheGlobalScopeWithMetricValueAndThreshold() {
    sample(GLOBAL, ThresholdMetric.DRAWDOWN_FROM_PEAK, -0.16);
    TriggerCall call = awaitTriggers(1).get(0);
    assertThat(call.scope()).isEqualTo(GLOBAL);
    assertThat(call.kind()).isEqualTo(TriggerKind.THRESHOLD);
    assertThat(call.identity()).isEqualTo("threshold:drawdown-from-peak");
    assertThat(call.reason()).isEqualTo("drawdown-from-peak -0.16 <= -0.15");
    assertThat(call.metadata()).containsEntry("metric", "drawdown-from-peak").containsEntry("value", "-0.16")
        .containsEntry("threshold", "-0.15");
  }

  @Test
  void firesOncePerBreachAndAgainAfterTheMetricRecovers() {
    sample(S1, ThresholdMetric.DAILY_LOSS_PCT, -0.06);
    sample(S1, ThresholdMetric.DAILY_LOSS_PCT, -0.07);
    sample(S1, ThresholdMetric.DAILY_LOSS_PCT, -0.08);
    sample(S1, ThresholdMetric.DAILY_LOSS_PCT, -0.01);
    sample(S1, ThresholdMetric.DAILY_LOSS_PCT, -0.05);
    assertThat(awaitTriggers(2)).extracting(TriggerCall::reason)
        .containsExactly("daily-loss-pct -0.06 <= -0.05", "daily-loss-pct -0.05 <= -0.05");
  }

  @Test
  void aTriggerThatCouldNotBeDeliveredIsRetriedWithoutAnotherSample() throws InterruptedException {
    service.failNextTriggers(1);
    sample(S1, ThresholdMetric.DAILY_LOSS_PCT, -0.06);

    Polling.until("the trigger recorded after its retry", Duration.ofSeconds(10),
        () -> service.recordedTriggers().size() == 1);
    assertThat(service.triggers()).hasSize(2).extracting(TriggerCall::reason)
        .containsOnly("daily-loss-pct -0.06 <= -0.05");
  }
}
