package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.app.fixtures.ApprovalCodes;
import org.peaktrade.app.node.Node;
import org.peaktrade.app.node.NodeConfig;
import org.peaktrade.http.ApiJson;
import org.peaktrade.http.auth.Role;
import org.peaktrade.http.auth.RouteTable;
import org.peaktrade.http.auth.RouteTable.Entry;
import org.peaktrade.http.fixtures.RecordingSessionService;
import org.peaktrade.http.fixtures.SessionSamples;
import org.peaktrade.http.fixtures.TestTokens;
import org.peaktrade.http.fixtures.TestTokens.Person;

/**
 * Walks every route of the {@link RouteTable} on a real node (kill switch, sessions facade, dashboard, stream,
 * metrics): without a token 401, with a too-weak role 403, with the right role an answer from the route itself. And
 * the table is the whole API: other methods on its paths are 405 and paths outside it 404, even for an admin.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeRouteTableTest {

  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
  private static final Set<String> GATE_PROBLEMS = Set.of("unauthorized", "forbidden", "not-found",
      "method-not-allowed");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  static Path dir;

  private Node node;

  @BeforeAll
  void start() throws IOException {
    Path conf = NodeFixtures.configWithTokens(dir, ApprovalCodes.hash("route table code"), "1s");
    RecordingSessionService sessions = new RecordingSessionService().holding(SessionSamples.trading("paper-1"));
    node = Node.start(NodeConfig.load(Optional.of(conf), Optional.of(dir.resolve("data")), Optional.of("127.0.0.1"),
        Optional.of(0)), Clock.systemUTC(), (system, killSwitch, clock) -> sessions);
  }

  @AfterAll
  void stop() {
    node.stop();
  }

  @Test
  void every_protected_route_is_401_without_a_token_and_with_an_unknown_one() throws Exception {
    for (Entry entry : protectedEntries()) {
      assertThat(send(entry.method(), path(entry), null).status()).as(entry.toString()).isEqualTo(401);
      assertThat(send(entry.method(), path(entry), "Bearer unknown-token").status()).as(entry.toString())
          .isEqualTo(401);
    }
  }

  @Test
  void every_operator_and_approver_route_is_403_for_every_weaker_role() throws Exception {
    for (Entry entry : protectedEntries()) {
      for (Person person : TestTokens.ALL) {
        if (!holds(person, entry.required())) {
          Reply reply = send(entry.method(), path(entry), TestTokens.bearer(person));
          assertThat(reply.status()).as(entry + " as " + person.name()).isEqualTo(403);
          assertThat(reply.problemType()).isEqualTo("forbidden");
        }
      }
    }
  }

  @Test
  void every_route_answers_itself_for_every_role_that_may_use_it() throws Exception {
    for (Entry entry : RouteTable.ENTRIES) {
      for (Person person : TestTokens.ALL) {
        if (entry.open() || holds(person, entry.required())) {
          Reply reply = send(entry.method(), path(entry), TestTokens.bearer(person));
          assertThat(reply.status()).as(entry + " as " + person.name() + ": " + reply.body())
              .isNotIn(401, 405).isLessThan(500);
          assertThat(reply.problemType()).as(entry + " as " + person.name()).isNotIn(GATE_PROBLEMS);
        }
      }
    }
  }

  @Test
  void the_open_routes_need_no_token() throws Exception {
    for (Entry entry : RouteTable.ENTRIES.stream().filter(Entry::open).toList()) {
      assertThat(send(entry.method(), path(entry), null).status()).as(entry.toString()).isIn(200, 302);
    }
  }

  @Test
  void the_table_is_the_whole_api_other_methods_are_405_and_other_paths_404() throws Exception {
    for (Entry entry : RouteTable.ENTRIES) {
      Set<String> listed = RouteTable.ENTRIES.stream().filter(other -> other.template().equals(entry.template()))
          .map(Entry::method).collect(Collectors.toSet());
      for (String method : METHODS) {
        if (!listed.contains(method)) {
          Reply reply = send(method, path(entry), TestTokens.bearer(TestTokens.ROOT));
          assertThat(reply.status()).as(method + " " + entry.template()).isEqualTo(405);
        }
      }
    }
    for (String path : List.of("/api", "/api/v1", "/api/v2/kill-switch", "/api/v1/kill-switch/nope",
        "/api/v1/sessions/paper-1/nope", "/metrics/x", "/admin")) {
      assertThat(send("GET", path, TestTokens.bearer(TestTokens.ROOT)).status()).as(path).isEqualTo(404);
    }
  }

  private static List<Entry> protectedEntries() {
    return RouteTable.ENTRIES.stream().filter(entry -> !entry.open()).toList();
  }

  private static boolean holds(Person person, Role required) {
    return Role.parse(person.role()).grants(required);
  }

  private static String path(Entry entry) {
    return entry.template().replace("{id}", "paper-1").replace("*", "app.js");
  }

  /** Sends with a minimal JSON body on writes; reads at most the start of the answer (the stream never ends). */
  private Reply send(String method, String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url() + path))
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json")
        .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString("{}"));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      boolean stream = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
      return new Reply(response.statusCode(), stream ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private record Reply(int status, String body) {
    String problemType() {
      try {
        JsonNode json = ApiJson.MAPPER.readTree(body);
        String type = json == null ? "" : json.path("type").asText("");
        return type.replace("urn:peaktrade:problem:", "");
      } catch (IOException notJson) {
        return "";
      }
    }
  }
}
