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
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.actors.fixtures.Statuses;
import org.peaktrade.actors.marketdata.FeedStats;
import org.peaktrade.actors.risk.RiskEvent;
import org.peaktrade.app.fixtures.MutableClock;
import org.peaktrade.actors.killswitch.KillSwitchService;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.TriggerKind;
import org.peaktrade.protocol.risk.RiskCheck;
import org.peaktrade.protocol.risk.RiskDecision;
import org.peaktrade.protocol.risk.RiskSeverity;
import org.peaktrade.protocol.risk.RiskViolation;

class NodeMetricsTest {
  private final MutableClock clock = new MutableClock(Bars.minute(0).closeTime());
  private final NodeMetrics metrics = new NodeMetrics(clock, Duration.ofSeconds(15));
  private final FixedStatusKillSwitch killSwitch = new FixedStatusKillSwitch();

  /** Answers every status with {@link #status}; nothing else is asked by the metrics. */
  private static final class FixedStatusKillSwitch implements KillSwitchService {
    volatile KillSwitchStatus status;

    @Override
    public CompletionStage<KillSwitchStatus> status(KillSwitchScope scope) {
      return status != null && status.scope().equals(scope) ? CompletableFuture.completedFuture(status)
          : CompletableFuture.failedFuture(new IllegalStateException("no status for " + scope));
    }

    @Override
    public CompletionStage<KillSwitchReply> trigger(KillSwitchScope scope, TriggerKind kind, String identity,
        String reason, Map<String, String> metadata) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletionStage<KillSwitchReply> requestRecovery(KillSwitchScope scope, String approver, char[] code) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletionStage<KillSwitchReply> completeRecovery(KillSwitchScope scope, String identity) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletionStage<List<RecordedEvent>> events(KillSwitchScope scope, long afterSequence, int limit) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void eachKillSwitchScopeShowsItsStateAndTheEventsInItsJournal() {
    KillSwitchScope session = KillSwitchScope.session("s-1");
    metrics.liveSessions(Set.of("s-1"), killSwitch);
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
  void labelsOnlyTheGlobalScopeAndLiveSessionsAndRemovesTheSeriesOfSessionsThatEnded() {
    metrics.liveSessions(Set.of("s-1", "s-2"), killSwitch);
    metrics.record(Statuses.active(KillSwitchScope.GLOBAL, 0));
    metrics.record(Statuses.killed(KillSwitchScope.session("s-1"), 1));
    metrics.record(Statuses.killed(KillSwitchScope.session("s-2"), 2));
    metrics.record(Statuses.killed(KillSwitchScope.session("ghost-1"), 1));

    String whileLive = metrics.scrape();
    metrics.liveSessions(Set.of("s-2"), killSwitch);
    metrics.record(Statuses.active(KillSwitchScope.session("s-1"), 3));
    String afterS1Ended = metrics.scrape();

    assertThat(scopes(whileLive)).containsExactlyInAnyOrder("global", "session:s-1", "session:s-2");
    assertThat(scopes(afterS1Ended)).containsExactlyInAnyOrder("global", "session:s-2");
  }

  @Test
  void asksForTheStatusOfANewlyLiveSessionWhoseSwitchPublishedBeforeItWasSeen() {
    KillSwitchScope session = KillSwitchScope.session("s-3");
    killSwitch.status = Statuses.killed(session, 2);
    metrics.record(Statuses.killed(session, 2));
    assertThat(scopes(metrics.scrape())).doesNotContain("session:s-3");

    metrics.liveSessions(Set.of("s-3"), killSwitch);

    assertThat(value(metrics.scrape(), "peaktrade_kill_switch_state\\{scope=\"session:s-3\"}")).isEqualTo(2.0);
  }

  /** The scopes labelled in {@code text}, once per scope. */
  private static Set<String> scopes(String text) {
    Set<String> scopes = new TreeSet<>();
    Matcher matcher = Pattern.compile("peaktrade_kill_switch_(?:state|events_total)\\{scope=\"([^\"]+)\"}").matcher(text);
    while (matcher.find()) {
      scopes.add(matcher.group(1));
    }
    return scopes;
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
  void theSkippedRowsOfTheReplayFileAreCountedAndAFailedFeedShowsAsOne() {
    FeedStats stats = new FeedStats();
    metrics.watchFeed("replay", stats);
    stats.countSkippedRows(3);

    String running = metrics.scrape();
    stats.recordFailure(new IllegalStateException("disk gone"));
    String failed = metrics.scrape();

    assertThat(value(running, "peaktrade_feed_rows_skipped_total\\{feed=\"replay\"}")).isEqualTo(3.0);
    assertThat(value(running, "peaktrade_feed_failed\\{feed=\"replay\"}")).isZero();
    assertThat(value(failed, "peaktrade_feed_failed\\{feed=\"replay\"}")).isEqualTo(1.0);
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
