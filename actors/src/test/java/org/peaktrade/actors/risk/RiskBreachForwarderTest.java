package org.peaktrade.actors.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peaktrade.actors.killswitch.KillSwitchService;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
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

  /** Records triggers; everything else is not used by the forwarder. */
  private record Trigger(KillSwitchScope scope, TriggerKind kind, String identity, String reason,
      Map<String, String> metadata) {}

  private static final class RecordingKillSwitch implements KillSwitchService {
    final LinkedBlockingQueue<Trigger> triggers = new LinkedBlockingQueue<>();

    @Override
    public CompletionStage<KillSwitchReply> trigger(KillSwitchScope scope, TriggerKind kind, String identity,
        String reason, Map<String, String> metadata) {
      triggers.add(new Trigger(scope, kind, identity, reason, metadata));
      return new CompletableFuture<>();
    }

    @Override
    public CompletionStage<KillSwitchReply> requestRecovery(KillSwitchScope scope, String approver, char[] code) {
      throw new UnsupportedOperationException("the forwarder never recovers");
    }

    @Override
    public CompletionStage<KillSwitchReply> completeRecovery(KillSwitchScope scope, String identity) {
      throw new UnsupportedOperationException("the forwarder never recovers");
    }

    @Override
    public CompletionStage<KillSwitchStatus> status(KillSwitchScope scope) {
      throw new UnsupportedOperationException("the forwarder never reads status");
    }

    @Override
    public CompletionStage<List<RecordedEvent>> events(KillSwitchScope scope, long afterSequence, int limit) {
      throw new UnsupportedOperationException("the forwarder never reads events");
    }
  }

  @Test
  void aDrawdownBreachTriggersTheSessionsKillSwitchAsAThreshold() throws InterruptedException {
    RecordingKillSwitch killSwitch = new RecordingKillSwitch();
    ActorRef<RiskEvent> forwarder = testKit.spawn(RiskBreachForwarder.create(killSwitch));
    RiskViolation violation = new RiskViolation(RiskCheck.MAX_DRAWDOWN_PCT, RiskSeverity.BREACH,
        new BigDecimal("15"), new BigDecimal("16.2"), "drawdown from the equity peak in % 16.2 reaches the limit 15");

    forwarder.tell(new RiskEvent.PortfolioLimitBreached("s-7", violation, Instant.EPOCH));

    Trigger trigger = killSwitch.triggers.poll(3, TimeUnit.SECONDS);
    assertThat(trigger).isNotNull();
    assertThat(trigger.scope()).isEqualTo(KillSwitchScope.session("s-7"));
    assertThat(trigger.kind()).isEqualTo(TriggerKind.THRESHOLD);
    assertThat(trigger.identity()).isEqualTo("risk:max_drawdown_pct");
    assertThat(trigger.metadata()).containsEntry("limit", "15").containsEntry("observed", "16.2");
  }
}
