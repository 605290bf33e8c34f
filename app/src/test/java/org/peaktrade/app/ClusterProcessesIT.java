package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.KillSwitchFixtures;
import org.peaktrade.actors.fixtures.LocalCassandra;
import org.peaktrade.app.fixtures.NodeProcess;
import org.peaktrade.http.ApiJson;
import org.peaktrade.http.fixtures.TestTokens;

/**
 * Three `peak-trade node --cluster` OS processes from the runnable jar on one real Cassandra (the documented local
 * cluster): sessions started through one node spread over all three; a kill-switch trigger on one node reaches the
 * others; one member is killed with SIGKILL and the sessions it ran resume on the other two from the journal, with
 * every order acknowledged before the kill and no order id twice.
 */
class ClusterProcessesIT {
  private static final int SESSIONS = 6;
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final Pattern TRADING = Pattern.compile("session (c\\d+) trading");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @RegisterExtension
  static final LocalCassandra CASSANDRA = LocalCassandra.withSchema();

  @TempDir
  Path dir;

  @Test
  void sessionsOfAKilledMemberResumeOnTheOthersWithEveryAcknowledgedOrder() throws Exception {
    Path config = NodeFixtures.configWithTokens(dir, KillSwitchFixtures.HASH, "0s");
    Path cluster = Files.writeString(dir.resolve("cluster-test.conf"), String.join("\n",
        "pekko.cluster.split-brain-resolver.stable-after = 5s",
        "peaktrade.market-data.replay.speed = 300",
        ""));
    Path profile = LocalCassandra.repositoryRoot().resolve("config/persistence-cassandra.conf");
    Map<String, String> environment = Map.of("PEAKTRADE_CASSANDRA_CONTACT_POINT", CASSANDRA.contactPoint());
    List<Integer> ports = List.of(freePort(), freePort(), freePort());
    List<NodeProcess> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        nodes.add(NodeProcess.start(dir.resolve("node" + i + ".log"), environment,
            "--data-dir", dir.resolve("data" + i).toString(), "--config", config.toString(),
            "--config", profile.toString(), "--config", cluster.toString(), "--cluster",
            "--seed", "127.0.0.1:" + ports.get(0), "--remote-port", String.valueOf(ports.get(i))));
      }
      for (int i = 0; i < SESSIONS; i++) {
        HttpResponse<String> started = post(nodes.get(i % 3).url() + "/api/v1/sessions", "{\"id\":\"c" + i
            + "\",\"strategy\":\"ma-cross\",\"params\":{\"fast\":\"3\",\"slow\":\"8\"},\"symbol\":\"BTC/USD\","
            + "\"mode\":\"SHADOW\",\"sizing\":\"equity-pct:95\",\"startingCash\":10000}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
      }
      eventually(() -> hostedBy(nodes).size() == 3);

      HttpResponse<String> killed = nodes.get(1).post("/trigger", "{\"reason\":\"drill\"}");
      assertThat(killed.statusCode()).as(killed.body()).isEqualTo(200);
      for (NodeProcess node : nodes) {
        assertThat(json(node.get("")).get("state").asText()).isEqualTo("KILLED");
      }
      String code = KillSwitchFixtures.CODE;
      assertThat(nodes.get(2).post("/recovery", "{\"approvalCode\":\"" + code + "\"}", TestTokens.BOB)
          .statusCode()).isEqualTo(200);
      eventually(() -> nodes.get(0).post("/recovery/complete", "{}", TestTokens.CAROL).statusCode() == 200);

      NodeProcess victim = nodes.get(2);
      List<String> victimSessions = hostedBy(nodes).get(2);
      assertThat(victimSessions).isNotEmpty();
      eventually(() -> victimSessions.stream().allMatch(id -> orders(nodes.get(0), id).size() > 0));
      Map<String, List<JsonNode>> acknowledged = new HashMap<>();
      Map<String, Long> barsBefore = new HashMap<>();
      for (String id : victimSessions) {
        acknowledged.put(id, orders(nodes.get(0), id));
        barsBefore.put(id, json(nodes.get(0).getFromRoot("/api/v1/sessions/" + id)).get("barsSeen").asLong());
      }

      assertThat(victim.killDashNine()).as("killed by SIGKILL").isEqualTo(128 + 9);

      eventually(() -> victimSessions.stream().allMatch(id -> resumedOnSurvivor(nodes, id)));
      for (String id : victimSessions) {
        eventually(() -> json(nodes.get(1).getFromRoot("/api/v1/sessions/" + id)).get("barsSeen").asLong()
            > barsBefore.get(id) + 20);
        List<JsonNode> after = orders(nodes.get(1), id);
        List<String> ids = after.stream().map(order -> order.get("order").get("id").asText()).toList();
        for (int i = 0; i < ids.size(); i++) {
          assertThat(ids.get(i)).isEqualTo(id + "-" + (i + 1));
        }
        List<JsonNode> before = acknowledged.get(id);
        for (int i = 0; i < before.size(); i++) {
          assertThat(after.get(i).get("order")).isEqualTo(before.get(i).get("order"));
        }
      }
    } finally {
      for (NodeProcess node : nodes) {
        node.close();
      }
    }
  }

  /** Which sessions each node's log says it started trading, by node index. */
  private static Map<Integer, List<String>> hostedBy(List<NodeProcess> nodes) throws Exception {
    Map<Integer, List<String>> hosted = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      Matcher matcher = TRADING.matcher(nodes.get(i).log());
      while (matcher.find()) {
        hosted.computeIfAbsent(i, k -> new ArrayList<>()).add(matcher.group(1));
      }
    }
    return hosted;
  }

  private static boolean resumedOnSurvivor(List<NodeProcess> nodes, String id) {
    try {
      return nodes.get(0).log().contains("session " + id + " trading")
          || nodes.get(1).log().contains("session " + id + " trading");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<JsonNode> orders(NodeProcess node, String id) {
    try {
      List<JsonNode> orders = new ArrayList<>();
      json(node.getFromRoot("/api/v1/sessions/" + id + "/orders")).get("orders").forEach(orders::add);
      return orders;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> post(String url, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Authorization", TestTokens.bearer(TestTokens.ALICE))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return ApiJson.MAPPER.readTree(response.body());
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void eventually(Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    Throwable last = null;
    while (System.nanoTime() < deadline) {
      try {
        if (condition.call()) {
          return;
        }
      } catch (Exception | AssertionError e) {
        last = e;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("not within " + WAIT + (last == null ? "" : "; last failure: " + last), last);
  }
}
