package org.peaktrade.app.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.peaktrade.app.node.PrometheusText.value;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.actors.fixtures.Statuses;
import org.peaktrade.actors.marketdata.FeedStats;
import org.peaktrade.actors.risk.RiskEvent;
import org.peaktrade.app.fixtures.MutableClock;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.risk.RiskCheck;
import org.peaktrade.protocol.risk.RiskDecision;
import org.peaktrade.protocol.risk.RiskSeverity;
import org.peaktrade.protocol.risk.RiskViolation;

class NodeMetricsTest {
  private final MutableClock clock = new MutableClock(Bars.minute(0).closeTime());
  private final NodeMetrics metrics = new NodeMetrics(clock, Duration.ofSeconds(15));

  @Test
  void eachKillSwitchScopeShowsItsStateAndTheEventsInItsJournal() {
    KillSwitchScope session = KillSwitchScope.session("s-1");
    metrics.record(Statuses.active(KillSwitchScope.GLOBAL, 0));
    metrics.record(Statuses.killed(session, 1));
    metrics.record(Statuses.recovering(session, 3));

    String text = metrics.scrape();

    assertThat(value(text, "peaktrade_kill_switch_state\\{scope=\"global\"}")).isEqualTo(0.0);
    assertThat(value(text, "peaktrade_kill_switch_events_total\\{scope=\"global\"}")).isEqualTo(0.0);
    assertThat(value(text, "peaktrade_kill_switch_state\\{scope=\"session:s-1\"}")).isEqualTo(1.0);
    assertThat(value(text, "peaktrade_kill_switch_events_total\\{scope=\"session:s-1\"}")).isEqualTo(3.0);
  }

  @Test
  void aLateStatusDoesNotTakeTheEventCountBack() {
    metrics.record(Statuses.killed(KillSwitchScope.GLOBAL, 4));
    metrics.record(Statuses.active(KillSwitchScope.GLOBAL, 2));

    assertThat(value(metrics.scrape(), "peaktrade_kill_switch_events_total\\{scope=\"global\"}")).isEqualTo(4.0);
  }

  @Test
  void theFeedLagIsTheClockMinusTheCloseOfTheNewestAcceptedBarOfTheSymbol() {
    FeedStats stats = new FeedStats();
    metrics.watchFeed("replay", stats);
    assertThat(metrics.scrape()).doesNotContain("peaktrade_feed_lag_seconds");

    stats.countAccepted(Bars.minute(0));
    clock.advance(Duration.ofMillis(90_500));

    String text = metrics.scrape();

    assertThat(value(text, "peaktrade_feed_lag_seconds\\{feed=\"replay\",symbol=\"BTC/USD\"}")).isEqualTo(90.5);
    assertThat(value(text, "peaktrade_feed_bars_accepted_total\\{feed=\"replay\"}")).isEqualTo(1.0);
  }

  @Test
  void everyViolationOfARiskAlertIsCountedByCheckAndSeverityOnce() {
    RiskDecision decision = RiskDecision.of(List.of(
        violation(RiskCheck.MAX_ORDER_NOTIONAL, RiskSeverity.BREACH),
        violation(RiskCheck.MAX_DRAWDOWN_PCT, RiskSeverity.BREACH),
        violation(RiskCheck.STALE_PRICE, RiskSeverity.WARNING)));
    metrics.count(new RiskEvent.Alerted("s-1", null, decision, Instant.EPOCH));
    metrics.count(new RiskEvent.PortfolioLimitBreached("s-1", decision.violations().get(1), Instant.EPOCH));

    String text = metrics.scrape();

    assertThat(value(text, risk("MAX_ORDER_NOTIONAL", "BREACH"))).isEqualTo(1.0);
    assertThat(value(text, risk("MAX_DRAWDOWN_PCT", "BREACH"))).isEqualTo(1.0);
    assertThat(value(text, risk("STALE_PRICE", "WARNING"))).isEqualTo(1.0);
    assertThat(value(text, risk("ORDER_RATE", "BREACH"))).isEqualTo(0.0);
  }

  @Test
  void aSessionPollIntervalOfZeroIsRefusedNamingTheKey() {
    Config config = ConfigFactory.parseString("peaktrade.metrics.session-poll-interval = 0s")
        .withFallback(HealthWiringTest.defaults());

    assertThatThrownBy(() -> NodeMetrics.fromConfig(config, clock))
        .isInstanceOf(NodeConfigException.class).hasMessageContaining("peaktrade.metrics.session-poll-interval");
  }

  @Test
  void theJvmIsMeasured() {
    assertThat(metrics.scrape()).contains("jvm_memory_used_bytes").contains("process_uptime_seconds");
  }

  private static String risk(String check, String severity) {
    return "peaktrade_risk_violations_total\\{check=\"" + check + "\",severity=\"" + severity + "\"}";
  }

  private static RiskViolation violation(RiskCheck check, RiskSeverity severity) {
    return new RiskViolation(check, severity, BigDecimal.ONE, BigDecimal.TEN, check + " over its limit");
  }
}
