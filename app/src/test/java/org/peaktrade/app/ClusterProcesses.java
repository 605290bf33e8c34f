package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.peaktrade.actors.fixtures.Polling;
import org.peaktrade.app.fixtures.NodeProcess;
import org.peaktrade.http.ApiJson;
import org.peaktrade.http.fixtures.TestTokens;

/** What the tests of clusters of node processes share: starting sessions, reading logs and answers, waiting. */
final class ClusterProcesses {
  static final Duration WAIT = Duration.ofSeconds(120);
  /** What Cluster Bootstrap logs on the one member that forms a new cluster. */
  static final String FORMED_A_CLUSTER = "Initiating new cluster, self-joining";
  private static final Pattern TRADING = Pattern.compile("session (c\\d+) trading");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ClusterProcesses() {}

  /** Starts the SHADOW ma-cross session {@code id} through {@code node}; asserts 201. */
  static void startSession(NodeProcess node, String id) throws Exception {
    HttpResponse<String> started = post(node.url() + "/api/v1/sessions", "{\"id\":\"" + id
        + "\",\"strategy\":\"ma-cross\",\"params\":{\"fast\":\"3\",\"slow\":\"8\"},\"symbol\":\"BTC/USD\","
        + "\"mode\":\"SHADOW\",\"sizing\":\"equity-pct:95\",\"startingCash\":10000}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
  }

  /** Which sessions each node's log says it started trading, by node index. */
  static Map<Integer, List<String>> hostedBy(List<NodeProcess> nodes) throws Exception {
    Map<Integer, List<String>> hosted = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      Matcher matcher = TRADING.matcher(nodes.get(i).log());
      while (matcher.find()) {
        hosted.computeIfAbsent(i, k -> new ArrayList<>()).add(matcher.group(1));
      }
    }
    return hosted;
  }

  static HttpResponse<String> post(String url, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Authorization", TestTokens.bearer(TestTokens.ALICE))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The body of a 200 answer as JSON; asserts the status. */
  static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return ApiJson.MAPPER.readTree(response.body());
  }

  /** The status code of {@code GET path} on a member's management port, e.g. {@code /ready}. */
  static int managementStatus(int managementPort, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Polls {@code condition} until it holds or {@link #WAIT} has passed; fails with the last failure seen. */
  static void eventually(Callable<Boolean> condition) throws Exception {
    Polling.until("the cluster of node processes", WAIT, condition);
  }
}
