package org.peaktrade.app.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.app.node.PrometheusText.value;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peaktrade.actors.fixtures.Polling;
import org.peaktrade.actors.fixtures.RecordingKillSwitchService;
import org.peaktrade.actors.killswitch.KillTriggerDelivery;
import org.peaktrade.actors.killswitch.KillTriggerStats;
import org.peaktrade.actors.killswitch.TriggerSource;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.TriggerKind;

/** The node's metrics show a kill trigger that could not be delivered: its attempt, its failure, and it pending. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
class KillTriggerMetricsTest {
  @JUnit5TestKit
  final ActorTestKit testKit = new JUnit5TestKitBuilder().build();

  @Test
  void anUndeliveredTriggerShowsAsAttemptedFailedAndPendingForItsSourceOnly() throws InterruptedException {
    NodeMetrics metrics = new NodeMetrics(Clock.systemUTC(), Duration.ofSeconds(15));
    metrics.watchKillTriggers(KillTriggerStats.get(testKit.system()));
    RecordingKillSwitchService service = new RecordingKillSwitchService();
    service.failTriggers(new IllegalStateException("journal full"));

    testKit.spawn(KillTriggerDelivery.create(service)).tell(new KillTriggerDelivery.Deliver(
        TriggerSource.WATCHDOG_RESTART_BUDGET, KillSwitchScope.session("s-1"), TriggerKind.WATCHDOG,
        "watchdog:restart-budget:strategy:s-1", "exhausted", Map.of()));
    String text = Polling.until("a failed attempt in the metrics", Duration.ofSeconds(10), metrics::scrape,
        scraped -> value(scraped,
            "peaktrade_kill_switch_trigger_failures_total\\{source=\"watchdog-restart-budget\"}") >= 1);

    assertThat(value(text, "peaktrade_kill_switch_trigger_attempts_total\\{source=\"watchdog-restart-budget\"}"))
        .isGreaterThanOrEqualTo(1);
    assertThat(value(text, "peaktrade_kill_switch_triggers_pending\\{source=\"watchdog-restart-budget\"}"))
        .isEqualTo(1.0);
    assertThat(value(text, "peaktrade_kill_switch_trigger_attempts_total\\{source=\"risk-breach\"}")).isZero();
    assertThat(value(text, "peaktrade_kill_switch_triggers_pending\\{source=\"risk-breach\"}")).isZero();
  }
}
