package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.Polling;
import org.peaktrade.app.fixtures.ApprovalCodes;
import org.peaktrade.app.node.Node;
import org.peaktrade.app.node.NodeConfig;
import org.peaktrade.http.fixtures.RecordingSessionService;
import org.peaktrade.http.fixtures.SessionSamples;
import org.peaktrade.http.fixtures.TestTokens;

/** A node serves {@code /api/v1/sessions} next to the kill switch: its own sessions, or those of a facade it is given. */
class NodeSessionsTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-01T12:00:00Z"), ZoneOffset.UTC);
  private static String hash;

  @TempDir
  Path dir;

  @BeforeAll
  static void hashTheCode() {
    hash = ApprovalCodes.hash("correct horse battery staple");
  }

  @Test
  void a_node_given_a_sessions_facade_serves_its_sessions_next_to_the_kill_switch() throws IOException {
    RecordingSessionService sessions = new RecordingSessionService().holding(SessionSamples.trading("paper-1"));
    Node node = Node.start(config(), CLOCK, (system, killSwitch, clock) -> sessions);
    try {
      CliRun list = CliRun.of("sessions", "list", "--url", node.url().toString(), "--token-file", adminToken());
      CliRun status = CliRun.of("status", "--url", node.url().toString(), "--token-file", adminToken());

      assertThat(list.exitCode()).as(list.err()).isEqualTo(ExitCodes.OK);
      assertThat(list.out()).contains("paper-1");
      assertThat(status.exitCode()).as(status.err()).isEqualTo(ExitCodes.OK);
    } finally {
      node.stop();
    }
  }

  @Test
  void a_node_given_a_sessions_facade_shows_its_sessions_and_their_orders_in_the_metrics() throws Exception {
    RecordingSessionService sessions = new RecordingSessionService().holding(SessionSamples.trading("paper-1"))
        .holding(SessionSamples.paused("paper-2"));
    Path conf = NodeFixtures.configWithTokens(dir, hash, "300s");
    Files.writeString(conf, "peaktrade.metrics.session-poll-interval = 100ms\n", StandardOpenOption.APPEND);
    Node node = Node.start(NodeConfig.load(Optional.of(conf), Optional.of(dir.resolve("data")),
        Optional.of("127.0.0.1"), Optional.of(0)), CLOCK, (system, killSwitch, clock) -> sessions);
    try {
      String metrics = metricsOnceSessionsCounted(node);

      assertThat(metrics).contains("peaktrade_sessions{mode=\"PAPER\",status=\"PAUSED\"} 1.0")
          .contains("peaktrade_orders{status=\"FILLED\"} 2.0")
          .contains("peaktrade_orders{status=\"ACCEPTED\"} 2.0")
          .contains("peaktrade_session_bars_processed_total{session=\"paper-1\"} 42.0");
    } finally {
      node.stop();
    }
  }

  private static String metricsOnceSessionsCounted(Node node) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    return Polling.until("the sessions counted in /metrics", Duration.ofSeconds(15),
        () -> http.send(HttpRequest.newBuilder(URI.create(node.url() + "/metrics"))
            .header("Authorization", TestTokens.bearer(TestTokens.VIC)).build(), HttpResponse.BodyHandlers.ofString())
            .body(),
        text -> text.contains("peaktrade_sessions{mode=\"PAPER\",status=\"RUNNING\"} 1.0"));
  }

  @Test
  void a_node_configured_without_demo_sessions_serves_its_own_sessions_api_with_none_in_it() throws IOException {
    Node node = Node.start(config(), CLOCK);
    try {
      CliRun list = CliRun.of("sessions", "list", "--url", node.url().toString(), "--token-file", adminToken());

      assertThat(list.exitCode()).as(list.err()).isEqualTo(ExitCodes.OK);
      assertThat(list.out()).contains("no sessions on the node at " + node.url());
      assertThat(node.demoSessions()).isEmpty();
    } finally {
      node.stop();
    }
  }

  /** The nodes here configure no tokens, so each makes an admin token in its data dir (the embedded default). */
  private String adminToken() {
    return dir.resolve("data").resolve("admin.token").toString();
  }

  private Config config() throws IOException {
    Path conf = NodeFixtures.config(dir, hash, "300s");
    return NodeConfig.load(Optional.of(conf), Optional.of(dir.resolve("data")), Optional.of("127.0.0.1"),
        Optional.of(0));
  }
}
