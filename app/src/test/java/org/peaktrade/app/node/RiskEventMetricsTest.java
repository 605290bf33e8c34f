package org.peaktrade.app.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.app.node.PrometheusText.value;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peaktrade.actors.risk.RiskEvent;
import org.peaktrade.protocol.risk.RiskCheck;
import org.peaktrade.protocol.risk.RiskDecision;
import org.peaktrade.protocol.risk.RiskSeverity;
import org.peaktrade.protocol.risk.RiskViolation;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskEventMetricsTest {
  private final ActorTestKit testKit = ActorTestKit.create();

  @AfterAll
  void shutDown() {
    testKit.shutdownTestKit();
  }

  @Test
  void countsTheViolationsOfEachEventAndPassesItOnUnchanged() {
    NodeMetrics metrics = new NodeMetrics(Clock.systemUTC(), Duration.ofSeconds(15));
    TestProbe<RiskEvent> next = testKit.createTestProbe();
    var listener = testKit.spawn(RiskEventMetrics.create(metrics, next.getRef()));
    RiskEvent alert = new RiskEvent.Alerted("s-1", null, RiskDecision.of(List.of(new RiskViolation(
        RiskCheck.SYMBOL_NOT_ALLOWED, RiskSeverity.BREACH, null, null, "ETH/USD is not allowed"))), Instant.EPOCH);

    listener.tell(alert);

    next.expectMessage(alert);
    assertThat(value(metrics.scrape(),
        "peaktrade_risk_violations_total\\{check=\"SYMBOL_NOT_ALLOWED\",severity=\"BREACH\"}")).isEqualTo(1.0);
  }
}
