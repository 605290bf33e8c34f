package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.Polling;
import org.peaktrade.actors.fixtures.KillSwitchFixtures;
import org.peaktrade.actors.fixtures.LocalCassandra;
import org.peaktrade.app.node.Node;
import org.peaktrade.app.node.NodeConfig;
import org.peaktrade.http.fixtures.TestTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trading sessions of in-JVM nodes whose journal is a real Cassandra (tables from schema.cql): a full stop and a new
 * node on the same keyspace (another data dir) resume the same sessions with the same history; and Cassandra stopped
 * under a running node and started again: the node stays up, readiness and writes fail visibly while it is away,
 * and the sessions resume afterwards with every acknowledged order and fill unchanged.
 *
 * <p>The tests share the keyspace and so the session registry: the outage test's node also resumes the sessions of
 * the restart test, which therefore runs first and uses its own session ids.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeSessionsOnCassandraIT {
  @RegisterExtension
  static final LocalCassandra CASSANDRA = LocalCassandra.withSchema();

  private static final Logger LOG = LoggerFactory.getLogger(NodeSessionsOnCassandraIT.class);
  private static final Duration WAIT = Duration.ofSeconds(60);
  /** Cassandra back, the driver reconnects (10 s at most), the breakers try again (5 s), the backoffs (10 s). */
  private static final Duration RESUME_WITHIN = Duration.ofSeconds(120);
  private static final Set<String> FINAL = Set.of("FILLED", "CANCELED", "REJECTED", "EXPIRED");
  private static final String LATE_SESSION = "{\"id\":\"outage-late\",\"strategy\":\"ma-cross\","
      + "\"symbol\":\"BTC/USD\",\"mode\":\"SHADOW\",\"sizing\":\"qty:0.01\",\"startingCash\":10000}";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  @TempDir
  Path dir;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  @Order(1)
  void sessionsComeBackOnceWithTheirHistoryWhenANewNodeStartsOnTheSameKeyspace() throws Exception {
    Path config = config("restart", List.of(
        session("restart-fast", 3, 8, "qty:0.01"),
        session("restart-slow", 5, 13, "qty:0.02")));
    List<String> ids = List.of("restart-fast", "restart-slow");

    List<SessionRecord> before = new ArrayList<>();
    Node first = start(config, dir.resolve("first-data"));
    try {
      eventually(first, "/api/v1/sessions", body -> fills(body, "restart-fast") >= 4 && fills(body, "restart-slow") >= 2);
      for (String id : ids) {
        before.add(SessionRecord.of(id, get(first, "/api/v1/sessions/" + id), orders(first, id), fillsOf(first, id)));
      }
    } finally {
      first.stop();
    }

    Node second = start(config, dir.resolve("second-data"));
    try {
      assertThat(second.demoSessions()).extracting(view -> view.spec().id()).containsExactlyElementsOf(ids);
      for (SessionRecord earlier : before) {
        String id = earlier.id();
        JsonNode later = eventually(second, "/api/v1/sessions/" + id,
            view -> view.path("barsSeen").asLong() > earlier.view().path("barsSeen").asLong());
        assertThat(later.path("startedAt")).as("started once").isEqualTo(earlier.view().path("startedAt"));
        assertThat(later.path("spec")).isEqualTo(earlier.view().path("spec"));
        assertSameHistory(earlier, orders(second, id), fillsOf(second, id));
      }
      long ordersBefore = before.get(0).orders().size();
      eventually(second, "/api/v1/sessions/restart-fast/orders", body -> body.path("orders").size() > ordersBefore);
      assertConsecutiveOrderIds("restart-fast", orders(second, "restart-fast"));
      assertConsecutiveOrderIds("restart-slow", orders(second, "restart-slow"));

      assertThat(sessionIds(second)).as("no session twice, none lost").containsExactlyElementsOf(ids);
    } finally {
      second.stop();
    }
    assertThat(Files.exists(dir.resolve("second-data/journal"))).as("no embedded H2 journal").isFalse();
  }

  @Test
  @Order(2)
  void aSessionSurvivesACassandraOutageWithEveryAcknowledgedOrderAndFillWhileTheNodeStaysUpAndSaysSo()
      throws Exception {
    Path config = config("outage", List.of(session("outage-ma", 3, 8, "qty:0.01")));
    Node node = start(config, dir.resolve("data"));
    try {
      health(node, "/ready", response -> response.statusCode() == 200);
      eventually(node, "/api/v1/sessions/outage-ma", view -> view.path("fills").asLong() >= 2);
      SessionRecord acknowledged = SessionRecord.of("outage-ma", get(node, "/api/v1/sessions/outage-ma"),
          orders(node, "outage-ma"), fillsOf(node, "outage-ma"));

      CASSANDRA.stop();

      HttpResponse<String> notReady = health(node, "/ready", response -> response.statusCode() != 200);
      assertThat(notReady.statusCode()).isEqualTo(500);
      assertThat(notReady.body()).contains("journal-writable");
      HttpResponse<String> kill = send(post(node, "/api/v1/kill-switch/trigger?session=outage-ma",
          "{\"reason\":\"outage drill\"}"));
      assertThat(kill.statusCode()).as(kill.body()).isEqualTo(503);
      assertThat(kill.headers().firstValue("Content-Type")).contains("application/problem+json");
      HttpResponse<String> sessionDuringOutage = send(request(node, "/api/v1/sessions/outage-ma").GET());
      assertThat(sessionDuringOutage.statusCode()).as(sessionDuringOutage.body()).isEqualTo(200);
      JsonNode lastSeen = JSON.readTree(sessionDuringOutage.body());
      assertThat(lastSeen.path("reachable").asBoolean()).as("a session that cannot recover is shown as not "
          + "answering, with its last view: %s", lastSeen).isFalse();
      assertThat(lastSeen.path("fills").asLong()).isGreaterThanOrEqualTo(acknowledged.view().path("fills").asLong());
      HttpResponse<String> startDuringOutage = send(post(node, "/api/v1/sessions", LATE_SESSION));
      assertThat(startDuringOutage.statusCode()).as(startDuringOutage.body()).isEqualTo(503);
      assertThat(health(node, "/alive", response -> true).statusCode()).as("alive while Cassandra is down")
          .isEqualTo(200);

      CASSANDRA.start();
      long back = System.nanoTime();

      health(node, "/ready", response -> response.statusCode() == 200, RESUME_WITHIN);
      JsonNode resumed = eventually(node, "/api/v1/sessions/outage-ma",
          view -> view.path("barsSeen").asLong() > acknowledged.view().path("barsSeen").asLong(), RESUME_WITHIN);
      LOG.info("ready again and the session past its last acknowledged bar {} ms after Cassandra answered CQL again",
          Duration.ofNanos(System.nanoTime() - back).toMillis());
      assertThat(resumed.path("status").asText()).isEqualTo("RUNNING");
      long ordersBefore = acknowledged.orders().size();
      eventually(node, "/api/v1/sessions/outage-ma/orders", body -> body.path("orders").size() > ordersBefore);
      List<JsonNode> orders = orders(node, "outage-ma");
      assertSameHistory(acknowledged, orders, fillsOf(node, "outage-ma"));
      assertIncreasingOrderIds("outage-ma", orders);

      HttpResponse<String> startAfterOutage = send(post(node, "/api/v1/sessions", LATE_SESSION));
      assertThat(startAfterOutage.statusCode()).as(startAfterOutage.body()).isEqualTo(201);
      assertThat(sessionIds(node)).as("every session of the registry, once").contains("outage-late", "outage-ma")
          .doesNotHaveDuplicates();
    } finally {
      node.stop();
    }
  }

  /** Orders final when recorded are unchanged, open ones kept their order; recorded fills open the fill list. */
  private static void assertSameHistory(SessionRecord earlier, List<JsonNode> orders, List<JsonNode> fills) {
    assertThat(orders).as("orders of %s", earlier.id()).hasSizeGreaterThanOrEqualTo(earlier.orders().size());
    for (int i = 0; i < earlier.orders().size(); i++) {
      JsonNode was = earlier.orders().get(i);
      JsonNode is = orders.get(i);
      if (FINAL.contains(was.path("status").asText())) {
        assertThat(is).as("final order %d of %s", i, earlier.id()).isEqualTo(was);
      } else {
        assertThat(is.path("order")).as("open order %d of %s", i, earlier.id()).isEqualTo(was.path("order"));
      }
    }
    assertThat(fills).as("fills of %s", earlier.id()).startsWith(earlier.fills().toArray(JsonNode[]::new));
  }

  /**
   * No id used twice, in order; gaps allowed: a decision whose write failed during the outage counts its ids as used
   * (the write may still land late), so the next decision continues after them (sessions.md, "After a failed write").
   */
  private static void assertIncreasingOrderIds(String session, List<JsonNode> orders) {
    List<Long> sequences = orders.stream().map(order -> order.path("order").path("id").asText())
        .peek(id -> assertThat(id).startsWith(session + "-"))
        .map(id -> Long.parseLong(id.substring(session.length() + 1))).toList();
    assertThat(sequences).isSorted().doesNotHaveDuplicates();
  }

  private static void assertConsecutiveOrderIds(String session, List<JsonNode> orders) {
    assertThat(orders).extracting(order -> order.path("order").path("id").asText())
        .containsExactlyElementsOf(LongStream.rangeClosed(1, orders.size()).mapToObj(n -> session + "-" + n).toList());
  }

  private record SessionRecord(String id, JsonNode view, List<JsonNode> orders, List<JsonNode> fills) {
    static SessionRecord of(String id, JsonNode view, List<JsonNode> orders, List<JsonNode> fills) {
      assertThat(orders).as("orders of %s before", id).isNotEmpty();
      assertThat(fills).as("fills of %s before", id).isNotEmpty();
      return new SessionRecord(id, view, orders, fills);
    }
  }

  private Path config(String name, List<String> sessions) throws Exception {
    Path nodeDir = Files.createDirectories(dir.resolve(name));
    Path node = NodeFixtures.configWithTokens(nodeDir, KillSwitchFixtures.HASH, "300s");
    Files.writeString(node, String.join("\n",
        Files.readString(node),
        "peaktrade.market-data.replay.speed = 3000",
        // A session that cannot persist does not heartbeat; the watchdog would kill its scope after this long.
        // The test looks at the journal's effect alone, so the watchdog waits longer than the outage lasts.
        "peaktrade.sessions.heartbeat-timeout = 300s",
        "peaktrade.node.demo-sessions = [",
        String.join("\n", sessions),
        "]",
        ""));
    Path cassandra = nodeDir.resolve("cassandra.conf");
    Files.writeString(cassandra, "peaktrade.cassandra.contact-point = \"" + CASSANDRA.contactPoint() + "\"\n");
    return nodeDir;
  }

  private static String session(String id, int fast, int slow, String sizing) {
    return "  { id = " + id + ", strategy = ma-cross, params { fast = " + fast + ", slow = " + slow + " },"
        + " symbol = \"BTC/USD\", mode = SHADOW, sizing = \"" + sizing + "\", starting-cash = 10000 }";
  }

  /** The node config, then the repository's Cassandra profile, then the test Cassandra's contact point. */
  private static Node start(Path configDir, Path dataDir) {
    List<Path> files = List.of(configDir.resolve("node-test.conf"),
        LocalCassandra.repositoryRoot().resolve("config/persistence-cassandra.conf"),
        configDir.resolve("cassandra.conf"));
    return Node.start(NodeConfig.load(files, Optional.of(dataDir), Optional.of("127.0.0.1"), Optional.of(0)),
        Clock.systemUTC());
  }

  private JsonNode eventually(Node node, String path, Predicate<JsonNode> done) throws Exception {
    return eventually(node, path, done, WAIT);
  }

  /** Polls {@code path} until it answers 200 with a body {@code done} accepts; other answers are retried. */
  private JsonNode eventually(Node node, String path, Predicate<JsonNode> done, Duration within) throws Exception {
    return Polling.until(path, within, () -> get(node, path), done);
  }

  private HttpResponse<String> health(Node node, String path, Predicate<HttpResponse<String>> done) throws Exception {
    return health(node, path, done, Duration.ofSeconds(30));
  }

  private HttpResponse<String> health(Node node, String path, Predicate<HttpResponse<String>> done, Duration within)
      throws Exception {
    return Polling.until(path, within, () -> http.send(HttpRequest.newBuilder(URI.create(node.managementUrl() + path))
        .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString()), done,
        response -> response.statusCode() + ": " + response.body());
  }

  private JsonNode get(Node node, String path) throws Exception {
    HttpResponse<String> response = send(request(node, path).GET());
    assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /**
   * The ids of the session list, asked until it answers 200: right after an outage a session still in its restart
   * backoff makes the list answer 503 ("retry"), as documented.
   */
  private List<String> sessionIds(Node node) throws Exception {
    List<String> ids = new ArrayList<>();
    eventually(node, "/api/v1/sessions", list -> true).path("sessions")
        .forEach(session -> ids.add(session.path("spec").path("id").asText()));
    return ids;
  }

  private List<JsonNode> orders(Node node, String id) throws Exception {
    List<JsonNode> orders = new ArrayList<>();
    get(node, "/api/v1/sessions/" + id + "/orders").path("orders").forEach(orders::add);
    return orders;
  }

  private List<JsonNode> fillsOf(Node node, String id) throws Exception {
    List<JsonNode> fills = new ArrayList<>();
    get(node, "/api/v1/sessions/" + id + "/fills").path("fills").forEach(fills::add);
    return fills;
  }

  private static long fills(JsonNode sessions, String id) {
    for (JsonNode session : sessions.path("sessions")) {
      if (session.path("spec").path("id").asText().equals(id)) {
        return session.path("fills").asLong();
      }
    }
    return -1;
  }

  private static HttpRequest.Builder request(Node node, String path) {
    return HttpRequest.newBuilder(URI.create(node.url() + path)).timeout(Duration.ofSeconds(20))
        .header("Authorization", TestTokens.bearer(TestTokens.ALICE));
  }

  private static HttpRequest.Builder post(Node node, String path, String body) {
    return request(node, path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    HttpRequest built = request.build();
    try {
      return http.send(built, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new AssertionError("no answer to " + built.method() + " " + built.uri() + " within its timeout", e);
    }
  }
}
