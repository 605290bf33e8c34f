package org.peaktrade.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.ConfigFactory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.peaktrade.http.ServedApi.Reply;
import org.peaktrade.http.fixtures.AuthorizationHeaderFuzzer;
import org.peaktrade.http.fixtures.AuthorizationHeaderFuzzer.HeaderCase;
import org.peaktrade.http.fixtures.FuzzCase;
import org.peaktrade.http.fixtures.JsonBodyFuzzer;
import org.peaktrade.http.fixtures.OpenApiSpec;
import org.peaktrade.http.fixtures.RecordingSessionService;
import org.peaktrade.http.fixtures.TestTokens;
import org.peaktrade.http.fixtures.TestTokens.Person;
import org.peaktrade.protocol.text.ControlCharacters;

/**
 * Fuzzes the API over real HTTP, behind the token gate as on a node: every JSON route (each documented operation
 * with a JSON request body) with bodies generated from its schema and example (see {@link JsonBodyFuzzer}), sent
 * with a token of the operation's role so the bodies are parsed; the path and query parameters of the reading routes
 * with random bytes, sent with a viewer's token; and the {@code Authorization} header itself (see
 * {@link AuthorizationHeaderFuzzer}) on every secured operation, which must only ever be 400, 401 or 431. Each case
 * must get its expected class of answer and never a 5xx; a 4xx is problem+json with a non-empty detail that fits the
 * Problem schema; and the routes keep answering a valid request between batches. A seeded JUnit fuzzer rather than
 * jqwik (see docs/api.md); the seed is in each test's name and {@code -Dpeaktrade.fuzz.seed=N} replays a run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiFuzzTest {

  private static final long SEED = Long.getLong("peaktrade.fuzz.seed", 20261124L);
  private static final int CASES_PER_ROUTE = Integer.getInteger("peaktrade.fuzz.cases", 600);
  private static final int CASES_BETWEEN_HEALTH_CHECKS = 100;
  /** Optional body fields that, when present, must name the token's owner. */
  private static final List<String> IDENTITY_FIELDS = List.of("identity", "approver");

  private final OpenApiSpec spec = OpenApiSpec.load();
  private final AtomicLong sessionIds = new AtomicLong();
  private final long maxBodyBytes = ApiSettings.fromConfig(ConfigFactory.load()).maxBodyBytes();
  private ActorSystem<Void> system;
  private ServedApi api;

  @BeforeAll
  void start() {
    system = ActorSystem.create(Behaviors.empty(), "api-fuzz-test",
        ConfigFactory.parseString("pekko.loglevel = WARNING\npekko.stdout-loglevel = WARNING")
            .withFallback(ConfigFactory.load()));
    api = ServedApi.start(system, new RecordingSessionService());
  }

  @AfterAll
  void stop() {
    system.terminate();
  }

  @TestFactory
  Stream<DynamicTest> every_json_route_answers_garbage_with_a_problem_and_keeps_serving() {
    List<Endpoint> jsonRoutes = spec.endpoints().stream().filter(e -> spec.requestJson(e).isPresent()).toList();
    assertThat(jsonRoutes).extracting(Endpoint::path).contains("/api/v1/kill-switch/trigger", "/api/v1/sessions");
    return jsonRoutes.stream().map(endpoint -> DynamicTest.dynamicTest(
        endpoint.method() + " " + endpoint.path() + ": " + CASES_PER_ROUTE + " cases, seed " + SEED,
        () -> fuzz(endpoint)));
  }

  @TestFactory
  Stream<DynamicTest> path_and_query_parameters_of_random_bytes_are_answered_without_a_server_error() {
    List<String> targets = List.of("/api/v1/kill-switch/events?after=%s&limit=%s", "/api/v1/kill-switch?session=%s",
        "/api/v1/sessions/%s", "/api/v1/sessions/%s/orders", "/api/v1/sessions/paper-1/%s");
    return targets.stream().map(target -> DynamicTest.dynamicTest(
        "GET " + target + ": " + CASES_PER_ROUTE / 4 + " cases, seed " + SEED, () -> fuzzParameters(target)));
  }

  @TestFactory
  Stream<DynamicTest> the_authorization_header_is_fuzzed_and_never_lets_a_request_through() {
    List<Endpoint> secured = spec.endpoints().stream().filter(e -> !spec.isPublic(e)).toList();
    assertThat(secured).hasSizeGreaterThan(10);
    return Stream.of(DynamicTest.dynamicTest("every secured operation: " + CASES_PER_ROUTE + " cases, seed " + SEED,
        () -> fuzzAuthorization(secured)));
  }

  private void fuzzAuthorization(List<Endpoint> secured) throws Exception {
    Random random = new Random(SEED ^ "Authorization".hashCode());
    ServedApi served = ServedApi.start(system, new RecordingSessionService());
    AuthorizationHeaderFuzzer fuzzer = new AuthorizationHeaderFuzzer(
        TestTokens.ALL.stream().map(Person::token).toList(), random);
    Map<String, Integer> kinds = new TreeMap<>();
    Map<Integer, Integer> answered = new TreeMap<>();
    for (int i = 1; i <= CASES_PER_ROUTE; i++) {
      Endpoint endpoint = secured.get(random.nextInt(secured.size()));
      HeaderCase generated = fuzzer.next();
      Reply reply = served.raw(rawRequest(endpoint, generated.lines()));
      String where = endpoint.method() + " " + endpoint.path() + " case " + i + " of seed " + SEED + ", "
          + generated.describe() + "\n  answered " + reply.status() + " " + reply.contentType() + ": "
          + abbreviated(reply.body());
      assertThat(generated.allowed()).as(where).contains(reply.status());
      assertProblem(reply, where);
      if (reply.status() == 401) {
        assertThat(reply.header("WWW-Authenticate")).as(where).get().asString().startsWith("Bearer realm=");
      }
      assertThat(served.killSwitch.calls).as(where).isEmpty();
      assertThat(served.sessions.calls).as(where).isEmpty();
      kinds.merge(generated.kind().replaceAll("^\\d+ ", "N "), 1, Integer::sum);
      answered.merge(reply.status(), 1, Integer::sum);
      if (i % CASES_BETWEEN_HEALTH_CHECKS == 0) {
        Person holder = TestTokens.holding(spec.requiredRole(endpoint).orElseThrow());
        Reply valid = served.raw(rawRequest(endpoint,
            ("Authorization: " + TestTokens.bearer(holder) + "\r\n").getBytes(StandardCharsets.US_ASCII)));
        assertThat(valid.status()).as("%s as %s after case %d (seed %d): %s", endpoint, holder.name(), i, SEED,
            valid.body()).isNotIn(400, 401, 403, 431).isLessThan(500);
        served.killSwitch.calls.clear();
        served.sessions.calls.clear();
      }
    }
    System.out.printf("fuzzed the Authorization header with seed %d: kinds %s, answered %s%n", SEED, kinds, answered);
    assertThat(answered).as("statuses answered").containsKeys(400, 401, 431);
  }

  /** The operation's documented request as raw HTTP/1.1 with {@code headerLines}; the server closes after it. */
  private byte[] rawRequest(Endpoint endpoint, byte[] headerLines) {
    byte[] body = spec.exampleBody(endpoint).orElse(new byte[0]);
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes((endpoint.method() + " " + spec.exampleTarget(endpoint) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Connection: close\r\n").getBytes(StandardCharsets.US_ASCII));
    request.writeBytes(headerLines);
    if (body.length > 0) {
      request.writeBytes(("Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
          .getBytes(StandardCharsets.US_ASCII));
    }
    request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    request.writeBytes(body);
    return request.toByteArray();
  }

  private void assertProblem(Reply reply, String where) throws Exception {
    assertThat(reply.status()).as(where).isBetween(400, 499);
    assertThat(reply.contentType()).as(where).isEqualTo("application/problem+json");
    JsonNode problem = reply.json();
    assertThat(problem.path("detail").asText()).as(where).isNotBlank();
    assertThat(problem.path("status").asInt()).as(where).isEqualTo(reply.status());
    assertThat(spec.violations(spec.root().at("/components/schemas/Problem"), problem)).as(where).isEmpty();
  }

  private void fuzzParameters(String target) throws Exception {
    Random random = new Random(SEED ^ target.hashCode());
    ServedApi viewer = api.as(TestTokens.VIC);
    for (int i = 1; i <= CASES_PER_ROUTE / 4; i++) {
      String path = target.replace("%s", percentEncoded(random));
      Reply reply = viewer.get(path);
      String where = "GET " + path + " (case " + i + " of seed " + SEED + ") answered " + reply.status() + " "
          + reply.contentType() + ": " + abbreviated(reply.body());
      assertThat(reply.status()).as(where).isBetween(200, 499).isNotIn(401, 403);
      if (reply.status() >= 400) {
        assertThat(reply.contentType()).as(where).isEqualTo("application/problem+json");
        assertThat(reply.json().path("detail").asText()).as(where).isNotBlank();
      }
    }
    assertThat(viewer.get("/api/v1/kill-switch").status()).isEqualTo(200);
  }

  /** Up to 80 random bytes, each percent-encoded: control bytes, reserved characters, invalid UTF-8. */
  private static String percentEncoded(Random random) {
    StringBuilder encoded = new StringBuilder();
    for (int i = random.nextInt(81); i > 0; i--) {
      int b = random.nextInt(3) == 0 ? random.nextInt(256) : 0x20 + random.nextInt(0x5F);
      encoded.append('%').append(String.format("%02X", b));
    }
    return encoded.toString();
  }

  private void fuzz(Endpoint endpoint) throws Exception {
    Random random = new Random(SEED ^ endpoint.path().hashCode());
    Person caller = TestTokens.holding(spec.requiredRole(endpoint).orElseThrow());
    ServedApi api = this.api.as(caller);
    JsonBodyFuzzer fuzzer = new JsonBodyFuzzer(spec, spec.requestJson(endpoint).orElseThrow(),
        variation(endpoint, caller), maxBodyBytes, random);
    Map<FuzzCase.Expect, Integer> expected = new EnumMap<>(FuzzCase.Expect.class);
    Map<Integer, Integer> answered = new TreeMap<>();
    for (int i = 1; i <= CASES_PER_ROUTE; i++) {
      FuzzCase generated = fuzzer.next();
      Reply reply = api.send(endpoint.method(), endpoint.path(), generated.contentType(), generated.body(),
          generated.chunked());
      check(endpoint, i, generated, reply);
      expected.merge(generated.expect(), 1, Integer::sum);
      answered.merge(reply.status(), 1, Integer::sum);
      if (i % CASES_BETWEEN_HEALTH_CHECKS == 0) {
        FuzzCase valid = fuzzer.valid();
        Reply health = api.send(endpoint.method(), endpoint.path(), valid.contentType(), valid.body());
        assertThat(health.status()).as("a valid request after case %d (seed %d): %s", i, SEED, health.body())
            .isBetween(200, 299);
      }
    }
    System.out.printf("fuzzed %s %s with seed %d: expected %s, answered %s%n", endpoint.method(), endpoint.path(),
        SEED, expected, answered);
    assertThat(expected).as("every kind of expectation generated").containsOnlyKeys(FuzzCase.Expect.values());
  }

  private void check(Endpoint endpoint, int index, FuzzCase generated, Reply reply) throws Exception {
    String where = endpoint.method() + " " + endpoint.path() + " case " + index + " of seed " + SEED + ", "
        + generated.describe() + "\n  answered " + reply.status() + " " + reply.contentType() + ": "
        + abbreviated(reply.body());
    if (!generated.expect().allows(reply.status())) {
      fail("unexpected status: " + where);
    }
    if (reply.status() >= 400) {
      assertThat(reply.contentType()).as(where).isEqualTo("application/problem+json");
      JsonNode problem = reply.json();
      assertThat(problem.path("detail").asText()).as(where).isNotBlank();
      assertThat(problem.path("status").asInt()).as(where).isEqualTo(reply.status());
      assertThat(spec.violations(spec.root().at("/components/schemas/Problem"), problem)).as(where).isEmpty();
    } else {
      assertThat(reply.contentType()).as(where).isEqualTo("application/json");
    }
  }

  /**
   * How a valid body varies: free text in the kill-switch bodies, where half the time the optional identity field
   * ({@code identity} or {@code approver}) names the caller, and a fresh id for each session start.
   */
  private JsonBodyFuzzer.Variation variation(Endpoint endpoint, Person caller) {
    if (endpoint.path().equals(SessionRoutes.PATH)) {
      return (body, random) -> body.put("id", "fuzz-" + sessionIds.incrementAndGet());
    }
    JsonNode properties = spec.resolve(spec.requestJson(endpoint).orElseThrow().get("schema")).path("properties");
    List<String> identityFields = IDENTITY_FIELDS.stream().filter(properties::has).toList();
    return (body, random) -> {
      List<Map.Entry<String, JsonNode>> fields = body.properties().stream().toList();
      for (Map.Entry<String, JsonNode> field : fields) {
        if (field.getValue().isTextual()) {
          body.put(field.getKey(), randomText(random, 1 + random.nextInt(60)));
        } else if (field.getValue().isObject()) {
          ObjectNode metadata = body.putObject(field.getKey());
          for (int i = random.nextInt(4); i > 0; i--) {
            metadata.put(randomText(random, 1 + random.nextInt(10)), randomText(random, random.nextInt(30)));
          }
        }
      }
      for (String field : identityFields) {
        if (random.nextBoolean()) {
          body.put(field, caller.name());
        }
      }
    };
  }

  /** Printable text in any script: never a character {@link ControlCharacters} refuses (that is a 400). */
  private static String randomText(Random random, int length) {
    StringBuilder text = new StringBuilder();
    while (text.length() < length) {
      int codePoint = random.nextInt(4) == 0 ? 0xA0 + random.nextInt(0xD700) : 0x20 + random.nextInt(0x5F);
      if (!ControlCharacters.isRefused(codePoint)) {
        text.appendCodePoint(codePoint);
      }
    }
    return text.toString();
  }

  private static String abbreviated(String text) {
    return text.length() <= 400 ? text : text.substring(0, 400) + "...";
  }
}
