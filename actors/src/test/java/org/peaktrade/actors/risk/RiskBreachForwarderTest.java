package org.peaktrade.actors.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peaktrade.actors.fixtures.RecordingKillSwitchService;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.TriggerKind;
import org.peaktrade.protocol.risk.RiskCheck;
import org.peaktrade.protocol.risk.RiskSeverity;
import org.peaktrade.protocol.risk.RiskViolation;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskBreachForwarderTest {
  private final ActorTestKit testKit = ActorTestKit.create();

  @AfterAll
  void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  void aDrawdownBreachTriggersTheSessionsKillSwitchAsAThreshold() {
    RecordingKillSwitchService killSwitch = new RecordingKillSwitchService();
    ActorRef<RiskEvent> forwarder = testKit.spawn(RiskBreachForwarder.create(killSwitch));
    RiskViolation violation = new RiskViolation(RiskCheck.MAX_DRAWDOWN_PCT, RiskSeverity.BREACH,
        new BigDecimal("15"), new BigDecimal("16.2"), "drawdown from the equity peak in % 16.2 reaches the limit 15");

    forwarder.tell(new RiskEvent.PortfolioLimitBreached("s-7", violation, Instant.EPOCH));

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (killSwitch.triggers().isEmpty() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(killSwitch.triggers()).hasSize(1);
    RecordingKillSwitchService.TriggerCall trigger = killSwitch.triggers().get(0);
    assertThat(trigger.scope()).isEqualTo(KillSwitchScope.session("s-7"));
    assertThat(trigger.kind()).isEqualTo(TriggerKind.THRESHOLD);
    assertThat(trigger.identity()).isEqualTo("risk:max_drawdown_pct");
    assertThat(trigger.metadata()).containsEntry("limit", "15").containsEntry("observed", "16.2");
  }
}
