package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.Polling;
import org.peaktrade.app.fixtures.NodeProcess;

/**
 * The README's first command, {@code peak-trade node}, as a fresh machine runs it: the runnable jar with nothing but
 * a data dir and a port (no config file, no approval-code hash; only the installation directory the launcher
 * exports). It replays the real BTC candles
 * into its demo SHADOW sessions, serves API and dashboard, shuts down cleanly on SIGTERM (what Ctrl-C and a
 * container stop send), and a second start on the same data dir resumes the same sessions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MainJobIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir
  static Path dir;

  private String firstLog;
  private String secondLog;
  private int firstExit;
  private JsonNode firstSessions;
  private JsonNode secondSessions;
  private int dashboardStatus;
  private String dashboardType;

  @BeforeAll
  void runTheMainJobTwice() throws Exception {
    String data = dir.resolve("data").toString();
    // What the ./peak-trade launcher exports; the demo candles are found under it.
    Map<String, String> environment = Map.of("PEAKTRADE_HOME",
        Path.of(CliRun.demo("")).toAbsolutePath().getParent().getParent().toString());
    try (NodeProcess node = NodeProcess.startWithAdminToken(dir.resolve("first.log"), environment,
        dir.resolve("data/admin.token"), "--data-dir", data)) {
      firstSessions = awaitSessions(node, sessions -> sessions.size() == 4 && allHaveSeenBars(sessions));
      HttpResponse<String> dashboard = node.getFromRoot("/dashboard/");
      dashboardStatus = dashboard.statusCode();
      dashboardType = dashboard.headers().firstValue("Content-Type").orElse("");
      firstExit = node.terminate();
      firstLog = node.log();
    }
    try (NodeProcess node = NodeProcess.startWithAdminToken(dir.resolve("second.log"), environment,
        dir.resolve("data/admin.token"), "--data-dir", data)) {
      secondSessions = awaitSessions(node, sessions -> sessions.size() == 4 && allHaveSeenBars(sessions));
      node.terminate();
      secondLog = node.log();
    }
  }

  @Test
  void printsWhereToLookAndStartsFourDemoShadowSessionsOnTheReplayedCandles() {
    assertThat(firstLog).contains("Peak Trade node running").contains("/dashboard/").contains("/api/v1/sessions")
        .contains("approval code:").contains("admin.token").contains("4 demo sessions").contains("btc-perp-1m-2022-01.csv");
    assertThat(ids(firstSessions)).containsExactlyInAnyOrder("demo-ma-cross", "demo-rsi", "demo-donchian",
        "demo-macd");
    firstSessions.forEach(session -> assertThat(session.path("spec").path("mode").asText()).isEqualTo("SHADOW"));
  }

  @Test
  void servesTheDashboard() {
    assertThat(dashboardStatus).isEqualTo(200);
    assertThat(dashboardType).startsWith("text/html");
  }

  @Test
  void sigtermRunsCoordinatedShutdownAndTheNodeExits() {
    assertThat(firstLog).contains("CoordinatedShutdown");
    assertThat(firstLog).doesNotContain("OutOfMemory").doesNotContain("did not stop");
    assertThat(firstExit).as(firstLog).isIn(0, 128 + 15);
  }

  @Test
  void aSecondStartOnTheSameDataDirResumesTheSameSessionsAndKeepsTheApprovalCode() {
    assertThat(ids(secondSessions)).containsExactlyInAnyOrderElementsOf(ids(firstSessions));
    assertThat(secondLog).contains("approval code:").doesNotContain("Exception");
  }

  private static boolean allHaveSeenBars(JsonNode sessions) {
    for (JsonNode session : sessions) {
      if (session.path("barsSeen").asLong() == 0) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode awaitSessions(NodeProcess node, java.util.function.Predicate<JsonNode> done)
      throws Exception {
    try {
      return Polling.until("the demo sessions seeing bars", WAIT, () -> {
        HttpResponse<String> response = node.getFromRoot("/api/v1/sessions");
        if (response.statusCode() != 200) {
          throw new IllegalStateException(response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("sessions");
      }, done);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n" + node.log(), e);
    }
  }

  private static List<String> ids(JsonNode sessions) {
    List<String> ids = new ArrayList<>();
    sessions.forEach(session -> ids.add(session.path("spec").path("id").asText()));
    return ids;
  }
}
