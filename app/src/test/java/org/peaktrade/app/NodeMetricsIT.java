package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.Polling;
import org.peaktrade.app.fixtures.ApprovalCodes;
import org.peaktrade.app.node.Node;
import org.peaktrade.app.node.NodeConfig;
import org.peaktrade.http.fixtures.TestTokens;

/**
 * {@code GET /metrics} on a running node: Prometheus text with JVM, kill-switch (global and live sessions),
 * market-data and risk metrics (the session metrics are in {@link NodeSessionsTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeMetricsIT {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @TempDir
  static Path dir;

  private Node node;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start() throws Exception {
    Path conf = NodeFixtures.configWithTokens(dir, ApprovalCodes.hash("metrics code"), "300s");
    node = Node.start(NodeConfig.load(Optional.of(conf), Optional.of(dir.resolve("data")), Optional.of("127.0.0.1"),
        Optional.of(0)), Clock.systemUTC());
  }

  @AfterAll
  void stop() {
    node.stop();
  }

  @Test
  void metricsShowTheJvmTheReplayedBarsAndTheKillSwitchOfEveryLiveSession() throws Exception {
    HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(node.url() + "/api/v1/sessions"))
        .header("Content-Type", "application/json")
        .header("Authorization", TestTokens.bearer(TestTokens.ALICE))
        .POST(HttpRequest.BodyPublishers.ofString("""
            {"id":"metrics-1","strategy":"ma-cross","symbol":"BTC/USD","mode":"PAPER","sizing":"qty:0.01",
             "startingCash":10000}""")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    HttpResponse<String> kill = http.send(HttpRequest.newBuilder(
            URI.create(node.url() + "/api/v1/kill-switch/trigger?session=metrics-1"))
        .header("Content-Type", "application/json")
        .header("Authorization", TestTokens.bearer(TestTokens.ALICE))
        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"metrics\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(kill.statusCode()).as(kill.body()).isEqualTo(200);

    // a new scope's two series are registered one after the other, and its first status may be the one asked for
    // before the trigger: wait for what is asserted, not for the first sign of the scope
    String metrics = eventually(text -> value(text, "peaktrade_feed_bars_accepted_total\\{feed=\"replay\"}") > 0
        && value(text, "peaktrade_kill_switch_state\\{scope=\"session:metrics-1\"}") == 2.0
        && value(text, "peaktrade_kill_switch_events_total\\{scope=\"session:metrics-1\"}") >= 0);

    assertThat(metrics).contains("jvm_memory_used_bytes");
    assertThat(value(metrics, "peaktrade_kill_switch_state\\{scope=\"session:metrics-1\"}")).isEqualTo(2.0);
    assertThat(value(metrics, "peaktrade_feed_bars_rejected_total\\{feed=\"replay\",reason=\"DUPLICATE\"}"))
        .isZero();
    // the candle store's counters, at zero: the store kept every replayed bar (in its own file under the data dir)
    assertThat(value(metrics, "peaktrade_feed_bars_store_refused_total\\{feed=\"replay\"}")).isZero();
    assertThat(value(metrics, "peaktrade_feed_store_failures_total\\{feed=\"replay\"}")).isZero();
    assertThat(dir.resolve("data/candles/candles.db")).isRegularFile();
    assertThat(value(metrics, "peaktrade_kill_switch_events_total\\{scope=\"session:metrics-1\"}")).isEqualTo(1.0);
    assertThat(value(metrics, "peaktrade_risk_violations_total\\{check=\"MAX_DRAWDOWN_PCT\",severity=\"BREACH\"}"))
        .isZero();
  }

  @Test
  void theFeedLagIsHowFarTheNewestReplayedBarClosedBeforeTheNodesClock() throws Exception {
    String metrics = eventually(text -> text.contains("peaktrade_feed_lag_seconds{"));

    double lag = value(metrics, "peaktrade_feed_lag_seconds\\{feed=\"replay\",symbol=\"BTC/USD\"}");

    // the demo file holds January 2022: the replayed bars closed years before this run's clock
    assertThat(lag).isGreaterThan(Duration.ofDays(365).toSeconds());
  }

  private String eventually(java.util.function.Predicate<String> condition) throws Exception {
    return Polling.until("metrics matching the test's condition", WAIT, () -> {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(node.url() + "/metrics"))
          .header("Authorization", TestTokens.bearer(TestTokens.VIC)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("text/plain").contains("version=0.0.4"));
      return response.body();
    }, condition);
  }

  private static double value(String metrics, String series) {
    Matcher matcher = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(metrics);
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
  }
}
