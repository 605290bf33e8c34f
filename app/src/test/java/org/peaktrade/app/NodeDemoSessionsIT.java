package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.Polling;
import org.peaktrade.app.node.Node;
import org.peaktrade.app.node.NodeConfig;
import org.peaktrade.engine.killswitch.ApprovalCodeHash;

/**
 * The main job's node: with no approval-code hash configured it makes a code on the first start, starts the demo
 * sessions of its config on the replayed real candles, serves them over HTTP, and after a restart on the same data
 * dir resumes them (no second copy, no repeated order id) and keeps the same code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeDemoSessionsIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  @TempDir
  static Path dir;

  private final HttpClient http = HttpClient.newHttpClient();
  private JsonNode firstRun;
  private JsonNode secondRun;
  private List<String> firstOrderIds;
  private List<String> allOrderIds;
  private String codeAfterFirstStart;
  private String codeAfterSecondStart;
  private int secondStartDemoSessions;

  @BeforeAll
  void runTwice() throws Exception {
    Path conf = dir.resolve("demo.conf");
    Files.writeString(conf, String.join("\n",
        "peaktrade.market-data.replay.file = \"" + CliRun.demo("btc-perp-1m-2022-01.csv") + "\"",
        "peaktrade.market-data.replay.speed = 3000",
        "peaktrade.node.demo-sessions = [",
        "  { id = demo-fast-ma, strategy = ma-cross, params { fast = 3, slow = 8 }, symbol = \"BTC/USD\",",
        "    mode = SHADOW, sizing = \"qty:0.01\", starting-cash = 10000 }",
        "  { id = demo-rsi, strategy = rsi-reversion, symbol = \"BTC/USD\", mode = shadow,",
        "    sizing = \"equity-pct:50\", starting-cash = 25000.50, fee-bps = 5 }",
        "]",
        ""));
    Node node = start(conf);
    try {
      codeAfterFirstStart = Files.readString(dir.resolve("data/approval-code")).strip();
      firstRun = eventually(node, sessions -> sessions.size() == 2 && fills(sessions, "demo-fast-ma") >= 4);
      firstOrderIds = orderIds(node, "demo-fast-ma");
    } finally {
      node.stop();
    }
    node = start(conf);
    try {
      secondStartDemoSessions = node.demoSessions().size();
      codeAfterSecondStart = Files.readString(dir.resolve("data/approval-code")).strip();
      long before = fills(firstRun, "demo-fast-ma");
      secondRun = eventually(node, sessions -> fills(sessions, "demo-fast-ma") >= before + 4);
      allOrderIds = orderIds(node, "demo-fast-ma");
      assertRecoveryRequestAcceptsTheGeneratedCode(node);
    } finally {
      node.stop();
    }
  }

  @Test
  void startsEveryConfiguredDemoSessionInShadowModeOnTheReplayedCandles() {
    assertThat(ids(firstRun)).containsExactlyInAnyOrder("demo-fast-ma", "demo-rsi");
    for (JsonNode session : firstRun) {
      assertThat(session.path("spec").path("mode").asText()).isEqualTo("SHADOW");
      assertThat(session.path("spec").path("symbol").asText()).isEqualTo("BTC/USD");
      assertThat(session.path("barsSeen").asLong()).isPositive();
    }
    JsonNode rsi = session(firstRun, "demo-rsi").path("spec");
    assertThat(rsi.path("startingCash").decimalValue()).isEqualByComparingTo("25000.50");
    assertThat(rsi.path("feeBps").decimalValue()).isEqualByComparingTo("5");
  }

  @Test
  void aRestartedNodeResumesItsDemoSessionsInsteadOfStartingThemAgain() {
    assertThat(secondStartDemoSessions).isEqualTo(2);
    assertThat(ids(secondRun)).containsExactlyInAnyOrder("demo-fast-ma", "demo-rsi");
    assertThat(session(secondRun, "demo-fast-ma").path("barsSeen").asLong())
        .isGreaterThan(session(firstRun, "demo-fast-ma").path("barsSeen").asLong());
  }

  @Test
  void ordersAfterTheRestartContinueTheClientOrderIdSequenceWithoutRepeatingOne() {
    assertThat(allOrderIds).startsWith(firstOrderIds.toArray(String[]::new));
    assertThat(allOrderIds).hasSizeGreaterThan(firstOrderIds.size());
    assertThat(new HashSet<>(allOrderIds)).hasSameSizeAs(allOrderIds);
  }

  @Test
  void theFirstStartMakesAnApprovalCodeOnlyItsOwnerCanReadAndLaterStartsKeepIt() throws Exception {
    Path codeFile = dir.resolve("data/approval-code");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(codeFile))).isEqualTo("rw-------");
    assertThat(codeAfterFirstStart).hasSizeGreaterThanOrEqualTo(20);
    assertThat(codeAfterSecondStart).isEqualTo(codeAfterFirstStart);
    ApprovalCodeHash hash = ApprovalCodeHash.parse(Files.readString(dir.resolve("data/approval-code.hash")).strip());
    assertThat(hash.matches(codeAfterFirstStart.toCharArray())).isTrue();
  }

  private void assertRecoveryRequestAcceptsTheGeneratedCode(Node node) throws Exception {
    HttpResponse<String> kill = post(node, "/api/v1/kill-switch/trigger?session=demo-rsi",
        "{\"reason\":\"demo\"}");
    assertThat(kill.statusCode()).as(kill.body()).isEqualTo(200);
    HttpResponse<String> wrong = post(node, "/api/v1/kill-switch/recovery?session=demo-rsi",
        "{\"approvalCode\":\"not-the-code\"}");
    assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(403);
    HttpResponse<String> right = post(node, "/api/v1/kill-switch/recovery?session=demo-rsi",
        "{\"approvalCode\":\"" + codeAfterSecondStart + "\"}");
    assertThat(right.statusCode()).as(right.body()).isBetween(200, 202);
  }

  private static Node start(Path conf) {
    return Node.start(NodeConfig.load(List.of(conf), Optional.of(dir.resolve("data")), Optional.of("127.0.0.1"),
        Optional.of(0)), Clock.systemUTC());
  }

  private JsonNode eventually(Node node, Predicate<JsonNode> done) throws Exception {
    return Polling.until("sessions", WAIT, () -> get(node, "/api/v1/sessions"), done);
  }

  private List<String> orderIds(Node node, String id) throws Exception {
    List<String> ids = new ArrayList<>();
    for (JsonNode order : get(node, "/api/v1/sessions/" + id + "/orders").path("orders")) {
      ids.add(order.path("order").path("id").asText());
    }
    assertThat(ids).doesNotContain("");
    return ids;
  }

  private JsonNode get(Node node, String path) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(node.url() + path))
        .header("Authorization", adminBearer()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    return body.has("sessions") ? body.get("sessions") : body;
  }

  private HttpResponse<String> post(Node node, String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(node.url() + path))
        .header("Authorization", adminBearer()).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The embedded default's admin token, written by the node's first start (no tokens are configured here). */
  private static String adminBearer() throws java.io.IOException {
    return "Bearer " + Files.readString(dir.resolve("data/admin.token")).strip();
  }

  private static Set<String> ids(JsonNode sessions) {
    Set<String> ids = new HashSet<>();
    sessions.forEach(session -> ids.add(session.path("spec").path("id").asText()));
    return ids;
  }

  private static JsonNode session(JsonNode sessions, String id) {
    for (JsonNode session : sessions) {
      if (session.path("spec").path("id").asText().equals(id)) {
        return session;
      }
    }
    throw new AssertionError("no session " + id + " in " + sessions);
  }

  private static long fills(JsonNode sessions, String id) {
    for (JsonNode session : sessions) {
      if (session.path("spec").path("id").asText().equals(id)) {
        return session.path("fills").asLong();
      }
    }
    return -1;
  }
}
