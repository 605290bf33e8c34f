package org.peaktrade.actors.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peaktrade.actors.fixtures.Polling;
import org.peaktrade.actors.fixtures.RecordingKillSwitchService;
import org.peaktrade.actors.killswitch.KillTriggerStats;
import org.peaktrade.actors.killswitch.TriggerSource;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.TriggerKind;
import org.peaktrade.protocol.risk.RiskCheck;
import org.peaktrade.protocol.risk.RiskSeverity;
import org.peaktrade.protocol.risk.RiskViolation;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
class RiskBreachForwarderTest {
  private static final Duration AWAIT = Duration.ofSeconds(10);
  private static final RiskViolation DRAWDOWN = new RiskViolation(RiskCheck.MAX_DRAWDOWN_PCT, RiskSeverity.BREACH,
      new BigDecimal("15"), new BigDecimal("16.2"), "drawdown from the equity peak in % 16.2 reaches the limit 15");

  @JUnit5TestKit
  final ActorTestKit testKit = new JUnit5TestKitBuilder().withCustomConfig(ManualTime.config()
      .withFallback(ConfigFactory.parseString("peaktrade.kill-trigger-delivery.random-factor = 0"))
      .withFallback(ConfigFactory.load())).build();

  @Test
  void aDrawdownBreachTriggersTheSessionsKillSwitchAsAThreshold() throws InterruptedException {
    RecordingKillSwitchService killSwitch = new RecordingKillSwitchService();
    ActorRef<RiskEvent> forwarder = testKit.spawn(RiskBreachForwarder.create(killSwitch));

    forwarder.tell(new RiskEvent.PortfolioLimitBreached("s-7", DRAWDOWN, Instant.EPOCH));

    Polling.until("the trigger recorded", AWAIT, () -> killSwitch.recordedTriggers().size() == 1);
    RecordingKillSwitchService.TriggerCall trigger = killSwitch.triggers().get(0);
    assertThat(trigger.scope()).isEqualTo(KillSwitchScope.session("s-7"));
    assertThat(trigger.kind()).isEqualTo(TriggerKind.THRESHOLD);
    assertThat(trigger.identity()).isEqualTo("risk:max_drawdown_pct");
    assertThat(trigger.metadata()).containsEntry("limit", "15").containsEntry("observed", "16.2");
  }

  @Test
  void aDroppedBreachTriggerIsRetriedUntilTheSwitchRecordsIt() throws InterruptedException {
    RecordingKillSwitchService killSwitch = new RecordingKillSwitchService();
    killSwitch.failNextTriggers(3);
    KillTriggerStats stats = KillTriggerStats.get(testKit.system());
    long failuresBefore = stats.failures(TriggerSource.RISK_BREACH);
    ManualTime time = ManualTime.get(testKit.system());
    ActorRef<RiskEvent> forwarder = testKit.spawn(RiskBreachForwarder.create(killSwitch));

    forwarder.tell(new RiskEvent.PortfolioLimitBreached("s-8", DRAWDOWN, Instant.EPOCH));
    for (int failed = 1; failed <= 3; failed++) {
      int count = failed;
      Polling.until(count + " failed attempt(s)", AWAIT,
          () -> stats.failures(TriggerSource.RISK_BREACH) - failuresBefore >= count);
      time.timePasses(Duration.ofSeconds(1L << (count - 1)));
    }
    Polling.until("the trigger recorded", AWAIT, () -> killSwitch.recordedTriggers().size() == 1);

    assertThat(killSwitch.triggers()).hasSize(4).extracting(RecordingKillSwitchService.TriggerCall::scope)
        .containsOnly(KillSwitchScope.session("s-8"));
    assertThat(killSwitch.recordedTriggers()).singleElement()
        .satisfies(call -> assertThat(call.identity()).isEqualTo("risk:max_drawdown_pct"));
  }
}
