package org.peaktrade.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peaktrade.http.ServedApi.Reply;
import org.peaktrade.http.auth.Authorization;
import org.peaktrade.http.auth.Role;
import org.peaktrade.http.fixtures.OpenApiSpec;
import org.peaktrade.http.fixtures.RecordingSessionService;
import org.peaktrade.http.fixtures.SessionSamples;
import org.peaktrade.http.fixtures.TestTokens;
import org.peaktrade.http.fixtures.TestTokens.Person;

/**
 * docs/api/openapi.yaml against the routes actually served, behind the token gate as on a node: the spec and the
 * {@code ENDPOINTS} of the route classes and the gate name the same operations; each documented operation answers
 * (not 404 / 405) over real HTTP to a token of its {@code x-required-role}, with a documented status, content type
 * and body shape; its documented 401 and 403 are what a missing, unknown or too weak token gets; no undocumented
 * method or path is served, by the node or by the route classes alone; and the file's own examples fit its schemas.
 * That the spec's roles are the {@code RouteTable}'s is {@link OpenApiRouteTableTest}; every table entry walked on a
 * real node with every test token is the app's {@code NodeRouteTableTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractTest {

  private static final List<String> PROBED_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
  private static final Path ROUTE_SOURCES = Path.of("src", "main", "java", "org", "peaktrade", "http");
  private static final Pattern PATH_LITERAL =
      Pattern.compile("\\b(?:path|pathPrefix|segment|slash|getFromResourceDirectory)\\(\"([^\"]+)\"");
  private static final Set<String> ROLES = Set.of("viewer", "operator", "approver", "admin");

  private final OpenApiSpec spec = OpenApiSpec.load();
  private ActorSystem<Void> system;
  /** The server (and its doubles) of the last documented request. */
  private ServedApi lastServed;

  @BeforeAll
  void startSystem() {
    system = ActorSystem.create(Behaviors.empty(), "openapi-contract-test",
        ConfigFactory.parseString("pekko.loglevel = WARNING\npekko.stdout-loglevel = WARNING")
            .withFallback(ConfigFactory.load()));
  }

  @AfterAll
  void stopSystem() {
    system.terminate();
  }

  static List<Endpoint> served() {
    List<Endpoint> served = new ArrayList<>();
    served.addAll(KillSwitchRoutes.ENDPOINTS);
    served.addAll(SessionRoutes.ENDPOINTS);
    served.addAll(ClusterRoutes.ENDPOINTS);
    served.addAll(DashboardRoutes.ENDPOINTS);
    served.addAll(MetricsRoutes.ENDPOINTS);
    served.addAll(Authorization.ENDPOINTS);
    return served;
  }

  Stream<Endpoint> documented() {
    return spec.endpoints().stream();
  }

  @Test
  void the_spec_documents_exactly_the_operations_the_route_classes_serve() {
    Set<Endpoint> documented = new LinkedHashSet<>(spec.endpoints());
    Set<Endpoint> served = new LinkedHashSet<>(served());

    assertThat(served).as("served but not documented in %s", OpenApiSpec.FILE)
        .containsAll(documented).hasSameSizeAs(served());
    assertThat(documented).as("documented in %s but not in any ENDPOINTS", OpenApiSpec.FILE)
        .containsAll(served).hasSameSizeAs(spec.endpoints());
  }

  @ParameterizedTest
  @MethodSource("documented")
  void each_documented_operation_is_served_and_answers_as_documented(Endpoint endpoint) throws Exception {
    Reply reply = sendDocumentedRequest(endpoint);

    assertThat(reply.unrouted()).as("%s answered %s %s", endpoint, reply.status(), reply.body()).isFalse();
    assertAnswersAsDocumented(endpoint, reply);
  }

  Stream<Endpoint> documentedWithBody() {
    return spec.endpoints().stream().filter(endpoint -> spec.requestJson(endpoint).isPresent());
  }

  @ParameterizedTest
  @MethodSource("documentedWithBody")
  void each_documented_request_example_is_accepted(Endpoint endpoint) throws Exception {
    Reply reply = sendDocumentedRequest(endpoint);

    assertThat(reply.status()).as("%s with its example body: %s", endpoint, reply.body()).isBetween(200, 299);
  }

  Stream<Endpoint> secured() {
    return spec.endpoints().stream().filter(endpoint -> !spec.isPublic(endpoint));
  }

  @ParameterizedTest
  @MethodSource("secured")
  void each_secured_operation_is_a_documented_401_without_a_token_or_with_an_unknown_one(Endpoint endpoint)
      throws Exception {
    Reply none = sendDocumentedRequest(endpoint, null);
    Reply unknown = sendDocumentedRequest(endpoint, "Bearer not-a-token-of-this-node");

    assertThat(none.status()).as("%s without a token: %s", endpoint, none.body()).isEqualTo(401);
    assertThat(none.header("WWW-Authenticate")).hasValue("Bearer realm=\"peak-trade\"");
    assertAnswersAsDocumented(endpoint, none);
    assertThat(unknown.status()).as("%s with an unknown token: %s", endpoint, unknown.body()).isEqualTo(401);
    assertThat(unknown.header("WWW-Authenticate")).get().asString().contains("error=invalid_token");
    assertAnswersAsDocumented(endpoint, unknown);
  }

  Stream<Endpoint> needingMoreThanViewer() {
    return secured().filter(endpoint -> !TestTokens.lacking(spec.requiredRole(endpoint).orElseThrow()).isEmpty());
  }

  @ParameterizedTest
  @MethodSource("needingMoreThanViewer")
  void each_operation_needing_a_role_is_a_documented_403_for_every_token_without_it(Endpoint endpoint)
      throws Exception {
    Role required = spec.requiredRole(endpoint).orElseThrow();
    for (Person person : TestTokens.lacking(required)) {
      Reply reply = sendDocumentedRequest(endpoint, TestTokens.bearer(person));

      assertThat(reply.status()).as("%s as %s (%s): %s", endpoint, person.name(), person.role(), reply.body())
          .isEqualTo(403);
      assertThat(reply.json().path("type").asText()).isEqualTo("urn:peaktrade:problem:forbidden");
      assertAnswersAsDocumented(endpoint, reply);
      assertThat(lastServed.killSwitch.calls).as("kill-switch calls by %s", person.name()).isEmpty();
      assertThat(lastServed.sessions.calls).as("session calls by %s", person.name()).isEmpty();
      assertThat(lastServed.cluster.calls).as("cluster views for %s", person.name()).hasValue(0);
    }
  }

  @Test
  void the_public_operations_answer_without_a_token() throws Exception {
    List<Endpoint> open = spec.endpoints().stream().filter(spec::isPublic).toList();

    assertThat(open).isNotEmpty();
    for (Endpoint endpoint : open) {
      Reply reply = sendDocumentedRequest(endpoint, null);
      assertThat(reply.status()).as("%s: %s", endpoint, reply.body()).isIn(200, 302);
    }
  }

  @Test
  void no_undocumented_method_or_path_is_served_by_the_node_even_to_an_admin() throws Exception {
    assertNothingUndocumentedIsServed(ServedApi.start(system, holdingExampleSession()).as(TestTokens.ROOT));
  }

  @Test
  void no_undocumented_method_or_path_is_served_by_the_route_classes_without_the_gate() throws Exception {
    assertNothingUndocumentedIsServed(ServedApi.startWithoutGate(system, holdingExampleSession()));
  }

  private void assertNothingUndocumentedIsServed(ServedApi api) throws Exception {
    List<String> undocumentedButServed = new ArrayList<>();

    for (String path : candidatePaths()) {
      for (String method : PROBED_METHODS) {
        if (spec.endpoints().stream().anyMatch(e -> e.method().equals(method) && matches(e.path(), path))) {
          continue;
        }
        Reply reply = api.send(method, path, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        if (!reply.unrouted()) {
          undocumentedButServed.add(method + " " + path + " -> " + reply.status());
        }
      }
    }

    assertThat(undocumentedButServed).isEmpty();
  }

  @Test
  void errors_outside_the_routes_are_problems_of_the_documented_shape() throws Exception {
    ServedApi api = ServedApi.start(system, new RecordingSessionService()).as(TestTokens.ROOT);
    JsonNode problem = spec.root().at("/components/schemas/Problem");

    List<Reply> replies = List.of(
        api.get("/api/v1/no-such-thing"),
        api.send("PUT", "/api/v1/kill-switch", "application/json", "{}".getBytes(StandardCharsets.UTF_8)),
        api.postJson("/api/v1/kill-switch/trigger", "{\"identity\":"),
        api.send("POST", "/api/v1/sessions", "text/plain", "{}".getBytes(StandardCharsets.UTF_8)),
        api.postJson("/api/v1/kill-switch/trigger", "{\"reason\":\"" + "x".repeat(70_000) + "\"}"),
        api.withAuthorization("Bearer not-a-token-of-this-node").get("/api/v1/no-such-thing"),
        api.withAuthorization(null).get("/api/v1/no-such-thing"));

    assertThat(replies).extracting(Reply::status).containsExactly(404, 405, 400, 415, 413, 401, 401);
    for (Reply reply : replies) {
      assertThat(reply.contentType()).isEqualTo("application/problem+json");
      assertThat(spec.violations(problem, reply.json())).as(reply.body()).isEmpty();
      assertThat(reply.json().get("detail").asText()).isNotBlank();
    }
  }

  @Test
  void every_example_in_the_spec_fits_its_schema() {
    List<String> violations = new ArrayList<>();
    for (Endpoint endpoint : spec.endpoints()) {
      spec.requestJson(endpoint).ifPresent(content -> violations.addAll(exampleViolations(endpoint + " request",
          content)));
      for (Map.Entry<String, JsonNode> response : spec.operation(endpoint).path("responses").properties()) {
        for (Map.Entry<String, JsonNode> media : spec.resolve(response.getValue()).path("content").properties()) {
          violations.addAll(exampleViolations(endpoint + " " + response.getKey() + " " + media.getKey(),
              media.getValue()));
        }
      }
    }

    assertThat(countExamples()).as("examples in the spec").isGreaterThanOrEqualTo(8);
    assertThat(violations).isEmpty();
  }

  @Test
  void every_operation_names_the_role_it_needs_or_is_explicitly_public() {
    List<String> unclear = new ArrayList<>();
    for (Endpoint endpoint : spec.endpoints()) {
      JsonNode operation = spec.operation(endpoint);
      boolean isPublic = operation.has("security") && operation.get("security").isEmpty();
      String role = operation.path("x-required-role").asText("");
      if (isPublic == ROLES.contains(role)) {
        unclear.add(endpoint + ": public=" + isPublic + ", x-required-role='" + role + "'");
      } else if (endpoint.method().equals("GET") && !isPublic && !role.equals("viewer")) {
        unclear.add(endpoint + ": a read should need viewer, not " + role);
      }
    }

    assertThat(spec.root().at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
    assertThat(spec.root().at("/security/0").has("bearerAuth")).isTrue();
    assertThat(unclear).isEmpty();
  }

  /**
   * The documented request (path and query parameters and the body from the file's examples) with the token of the
   * operation's {@code x-required-role}, none for a public operation.
   */
  private Reply sendDocumentedRequest(Endpoint endpoint) throws Exception {
    return sendDocumentedRequest(endpoint, spec.requiredRole(endpoint)
        .map(role -> TestTokens.bearer(TestTokens.holding(role))).orElse(null));
  }

  /** The documented request with this {@code Authorization} header (none when null). */
  private Reply sendDocumentedRequest(Endpoint endpoint, String authorization) throws Exception {
    lastServed = ServedApi.start(system, endpoint.path().contains("{id}") ? holdingExampleSession()
        : new RecordingSessionService());
    ServedApi api = lastServed.withAuthorization(authorization);
    byte[] body = spec.exampleBody(endpoint).orElse(null);
    return api.send(endpoint.method(), spec.exampleTarget(endpoint), body == null ? null : "application/json", body);
  }

  private void assertAnswersAsDocumented(Endpoint endpoint, Reply reply) throws IOException {
    JsonNode response = spec.response(endpoint, reply.status()).orElse(null);
    assertThat(response).as("%s answered %s, which the spec does not document: %s", endpoint, reply.status(),
        reply.body()).isNotNull();
    JsonNode content = response.path("content");
    if (content.isEmpty()) {
      return;
    }
    String mediaType = reply.contentType().split(";")[0].trim();
    JsonNode media = content.has(mediaType) ? content.get(mediaType) : content.path("*/*");
    assertThat(media.isMissingNode()).as("%s answered %s as %s; documented: %s", endpoint, reply.status(),
        reply.contentType(), content.fieldNames()).isFalse();
    if (mediaType.endsWith("json")) {
      assertThat(spec.violations(media.get("schema"), reply.json())).as("%s %s", endpoint, reply.body()).isEmpty();
    }
  }

  private List<String> exampleViolations(String what, JsonNode media) {
    if (!media.has("example")) {
      return List.of();
    }
    return spec.violations(media.get("schema"), media.get("example")).stream().map(v -> what + ": " + v).toList();
  }

  private int countExamples() {
    int[] count = {0};
    spec.root().findParents("example").forEach(parent -> count[0]++);
    return count[0];
  }

  private RecordingSessionService holdingExampleSession() {
    String id = spec.example(spec.resolve(spec.root().at("/components/parameters/SessionId"))).orElseThrow();
    return new RecordingSessionService().holding(SessionSamples.trading(id));
  }

  /**
   * Every documented path (parameters filled from their examples), each of its ancestors, and each of those with
   * one more segment for every literal the route classes' sources match paths with, so a route added to a route
   * class without documenting it is found.
   */
  private Set<String> candidatePaths() throws IOException {
    Set<String> literals = new TreeSet<>();
    try (Stream<Path> sources = Files.list(ROUTE_SOURCES)) {
      for (Path source : sources.filter(p -> p.toString().endsWith("Routes.java")).toList()) {
        Matcher matcher = PATH_LITERAL.matcher(Files.readString(source));
        while (matcher.find()) {
          literals.add(matcher.group(1));
        }
      }
    }
    assertThat(literals).as("path literals found in %s", ROUTE_SOURCES).contains("kill-switch", "sessions", "metrics");
    Set<String> bases = new TreeSet<>();
    for (Endpoint endpoint : spec.endpoints()) {
      String path = endpoint.path().replace("{id}", "paper-1").replace("{file}", "app.js");
      for (int slash = path.indexOf('/', 1); slash > 0; slash = path.indexOf('/', slash + 1)) {
        bases.add(path.substring(0, slash));
      }
      bases.add(path);
    }
    Set<String> candidates = new TreeSet<>(bases);
    for (String base : bases) {
      for (String literal : literals) {
        candidates.add((base.endsWith("/") ? base : base + "/") + literal);
      }
    }
    return candidates;
  }

  private static boolean matches(String template, String path) {
    String regex = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
    return path.matches(regex);
  }
}
