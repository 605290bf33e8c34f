package org.peaktrade.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.pattern.AskTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.peaktrade.actors.session.SessionRefusedException;
import org.peaktrade.http.auth.Authorization;
import org.peaktrade.http.fixtures.RecordingSessionService;
import org.peaktrade.http.fixtures.TestTokens;
import org.peaktrade.http.fixtures.RecordingSessionService.Get;
import org.peaktrade.http.fixtures.RecordingSessionService.ListAll;
import org.peaktrade.http.fixtures.RecordingSessionService.Start;
import org.peaktrade.http.fixtures.RecordingSessionService.Stop;
import org.peaktrade.http.fixtures.SessionSamples;
import org.peaktrade.protocol.session.SessionMode;
import org.peaktrade.protocol.session.SessionSpec;

/** The sessions API over real HTTP on loopback, with a recording double in place of the session actors. */
class SessionRoutesTest {

  private static final String FULL_BODY = """
      {"id":"paper-1","strategy":"ma-cross","params":{"fast":"5","slow":"20"},"symbol":"BTC/USD","mode":"PAPER",
       "sizing":"equity-pct:95","riskProfile":"default","startingCash":10000,"feeBps":10,"slippageBps":2}""";

  private static ActorSystem<Void> system;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private RecordingSessionService service;
  private String base;

  @BeforeAll
  static void startSystem() {
    system = ActorSystem.create(Behaviors.empty(), "session-routes-test",
        ConfigFactory.parseString("pekko.loglevel = WARNING\npekko.stdout-loglevel = WARNING")
            .withFallback(ConfigFactory.load()));
  }

  @AfterAll
  static void stopSystem() {
    system.terminate();
  }

  @BeforeEach
  void bind() {
    service = new RecordingSessionService();
    InetSocketAddress address = HttpServer.start(system,
        new Authorization(TestTokens.tokens()).secure(new SessionRoutes(service).route()), "127.0.0.1", 0);
    base = "http://127.0.0.1:" + address.getPort() + "/api/v1/sessions";
  }

  @Test
  void start_answers_201_with_the_location_and_the_new_session() throws Exception {
    Reply reply = post("", FULL_BODY);

    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    assertThat(reply.contentType()).isEqualTo("application/json");
    assertThat(reply.header("Location")).hasValueSatisfying(location -> assertThat(location)
        .endsWith("/api/v1/sessions/paper-1"));
    JsonNode body = reply.json();
    assertThat(body.get("spec").get("id").asText()).isEqualTo("paper-1");
    assertThat(body.get("status").asText()).isEqualTo("RUNNING");
    assertThat(body.get("startedAt").asText()).isEqualTo("2024-03-01T12:00:00Z");
    assertThat(body.get("cash").decimalValue()).isEqualByComparingTo("10000");
    assertThat(service.calls).containsExactly(new Get("paper-1"), new Start(SessionSamples.spec("paper-1")));
  }

  @Test
  void start_without_the_optional_fields_takes_the_defaults() throws Exception {
    Reply reply = post("", """
        {"id":"s1","strategy":"rsi-reversion","symbol":"ETH/USD","mode":"SHADOW","sizing":"qty:1",
         "startingCash":500}""");

    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    SessionSpec spec = started();
    assertThat(spec.params()).isEmpty();
    assertThat(spec.riskProfile()).isEqualTo("default");
    assertThat(spec.feeBps()).isEqualByComparingTo("10");
    assertThat(spec.slippageBps()).isEqualByComparingTo("2");
  }

  @Test
  void a_null_optional_field_counts_as_absent() throws Exception {
    Reply reply = post("", body(Map.of("riskProfile", "null", "params", "null", "feeBps", "null")));

    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    assertThat(started().riskProfile()).isEqualTo("default");
  }

  @Test
  void amounts_arrive_exactly_whether_sent_as_numbers_or_as_strings() throws Exception {
    post("", body(Map.of("id", "\"a\"", "startingCash", "12345678901234567.25", "feeBps", "\"7.5\"",
        "slippageBps", "0.000000000000000001")));

    SessionSpec spec = started();
    assertThat(spec.startingCash()).isEqualTo(new BigDecimal("12345678901234567.25"));
    assertThat(spec.feeBps()).isEqualTo(new BigDecimal("7.5"));
    assertThat(spec.slippageBps()).isEqualTo(new BigDecimal("0.000000000000000001"));
  }

  @Test
  void the_mode_may_be_written_in_lower_case() throws Exception {
    post("", body(Map.of("mode", "\"shadow\"")));

    assertThat(started().mode()).isEqualTo(SessionMode.SHADOW);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      id           | "bad id"         | field 'id' must be 1-64 of A-Z a-z 0-9 . _ -, not "bad id"
      id           | ""               | field 'id' must not be blank, not ""
      id           | 42               | field 'id' must be a string, not 42
      strategy     | "nope"           | field 'strategy' "nope" is invalid: unknown strategy 'nope'; valid strategies:
      strategy     | ["ma-cross"]     | field 'strategy' must be a string, not ["ma-cross"]
      params       | ["fast"]         | field 'params' must be an object whose values are strings, not ["fast"]
      params       | {"fast":5}       | field 'params.fast' must be a string, not 5
      params       | {"fast":"x"}     | field 'params' {"fast":"x"} is invalid: strategy ma-cross: fast must be
      params       | {"nope":"1"}     | is invalid: strategy ma-cross: unknown parameter 'nope'; valid parameters:
      params       | {"fast":"30","slow":"10"} | field 'params' {"fast":"30","slow":"10"} is invalid
      symbol       | "btc-usd"        | field 'symbol' must look like BASE/QUOTE in upper case (e.g. BTC/USD), not
      mode         | "DEMO"           | field 'mode' must be one of SHADOW, PAPER, TESTNET, LIVE, not "DEMO"
      mode         | true             | field 'mode' must be a string, not true
      sizing       | "lots:5"         | field 'sizing' "lots:5" is invalid: unknown size 'lots:5': use qty:QUANTITY
      sizing       | "equity-pct:150" | field 'sizing' "equity-pct:150" is invalid: sizing equity percent must be at
      riskProfile  | "a b"            | field 'riskProfile' must be 1-64 of A-Z a-z 0-9 . _ - (a portfolio of the risk
      riskProfile  | 7                | field 'riskProfile' must be a string, not 7
      startingCash | -5               | field 'startingCash' must be a decimal above 0 with at most 18 digits each side
      startingCash | -5               | of the point, not -5
      startingCash | 0                | field 'startingCash' must be a decimal above 0 with at most 18 digits
      startingCash | "ten"            | field 'startingCash' must be a decimal above 0 with at most 18 digits
      startingCash | "ten"            | of the point, not "ten"
      startingCash | true             | of the point, not true
      startingCash | 1e30             | of the point, not 1E+30
      startingCash | 1e1000000        | of the point, not 1E+1000000
      startingCash | 0.0000000000000000001 | of the point, not 1E-19
      feeBps       | -1               | field 'feeBps' must be a decimal from 0 to 1000 with at most 18 digits each side
      feeBps       | "NaN"            | of the point, not "NaN"
      slippageBps  | 1000.5           | field 'slippageBps' must be a decimal from 0 to 1000
      slippageBps  | 1000.5           | of the point, not 1000.5
      """)
  void an_invalid_field_is_a_400_problem_naming_the_field_and_the_bad_value(String field, String json, String detail)
      throws Exception {
    Reply reply = post("", body(Map.of(field, json)));

    assertProblem(reply, 400, detail);
    assertThat(service.calls).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"id", "strategy", "symbol", "mode", "sizing", "startingCash"})
  void a_missing_or_null_required_field_is_a_400_problem_naming_it(String field) throws Exception {
    ObjectNode missing = (ObjectNode) ApiJson.MAPPER.readTree(FULL_BODY);
    missing.remove(field);
    ObjectNode nulled = (ObjectNode) ApiJson.MAPPER.readTree(FULL_BODY);
    nulled.putNull(field);

    assertProblem(post("", missing.toString()), 400, "missing field '" + field + "'");
    assertProblem(post("", nulled.toString()), 400, "missing field '" + field + "'");
    assertThat(service.calls).isEmpty();
  }

  @Test
  void every_invalid_field_is_named_in_one_answer() throws Exception {
    Reply reply = post("", body(Map.of("symbol", "\"btc\"", "startingCash", "-1", "mode", "\"demo\"")));

    assertProblem(reply, 400, "field 'symbol' must look like BASE/QUOTE");
    assertThat(reply.json().get("detail").asText()).contains("; field 'mode' must be one of")
        .contains("; field 'startingCash' must be a decimal above 0");
  }

  @Test
  void a_long_bad_value_is_cut_short_in_the_answer() throws Exception {
    Reply reply = post("", body(Map.of("symbol", "\"" + "X".repeat(500) + "\"")));

    assertProblem(reply, 400, "not \"" + "X".repeat(39) + "...");
    assertThat(reply.body()).doesNotContain("X".repeat(41));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"id\":\"a\",                | malformed JSON at line 1",
      "{\"id\":\"a\",\"id\":\"b\"}   | malformed JSON",
      "{\"id\":\"a\"} {}             | unexpected content after the JSON object",
      "[]                            | expected a JSON object",
      "null                          | the request body is null",
      "''                            | the request body is empty"})
  void a_body_that_is_not_one_json_object_is_a_400_problem(String body, String detail) throws Exception {
    assertProblem(post("", body), 400, detail);
    assertThat(service.calls).isEmpty();
  }

  @Test
  void an_unknown_field_is_a_400_problem_listing_the_allowed_fields() throws Exception {
    Reply reply = post("", body(Map.of("confirm", "true")));

    assertProblem(reply, 400, "unknown field 'confirm'; allowed fields: feeBps, id, mode, params, riskProfile, "
        + "sizing, slippageBps, startingCash, strategy, symbol");
    assertThat(service.calls).isEmpty();
  }

  @Test
  void a_body_over_64_KiB_is_a_413_problem() throws Exception {
    Reply reply = post("", body(Map.of("riskProfile", "\"" + "x".repeat(70_000) + "\"")));

    assertProblem(reply, 413, "larger than 65536 bytes");
    assertThat(service.calls).isEmpty();
  }

  @Test
  void an_id_already_in_use_is_a_409_problem_and_nothing_is_started() throws Exception {
    service.holding(SessionSamples.stopped(SessionSamples.trading("paper-1")));

    Reply reply = post("", FULL_BODY);

    assertProblem(reply, 409, "a session with id 'paper-1' already exists (STOPPED); choose another id");
    assertThat(reply.json().get("type").asText()).isEqualTo("urn:peaktrade:problem:session-exists");
    assertThat(service.calls).containsExactly(new Get("paper-1"));
  }

  @Test
  void a_start_the_sessions_refuse_is_a_422_problem_with_their_message() throws Exception {
    service.startFailure =
        new SessionRefusedException("TESTNET refused: EXCHANGE_ADAPTER_AVAILABLE (no exchange adapter on this node)");

    Reply reply = post("", body(Map.of("mode", "\"TESTNET\"")));

    assertProblem(reply, 422, "TESTNET refused: EXCHANGE_ADAPTER_AVAILABLE (no exchange adapter on this node)");
    assertThat(reply.json().get("type").asText()).isEqualTo("urn:peaktrade:problem:session-refused");
    assertThat(reply.json().get("title").asText()).isEqualTo("Session refused");
  }

  @Test
  void list_shows_every_session_with_exact_amounts() throws Exception {
    service.holding(SessionSamples.trading("b")).holding(SessionSamples.paused("a"));

    Reply reply = get("");

    assertThat(reply.status()).isEqualTo(200);
    JsonNode sessions = reply.json().get("sessions");
    assertThat(sessions).hasSize(2);
    assertThat(sessions.get(0).get("spec").get("id").asText()).isEqualTo("a");
    assertThat(sessions.get(0).get("status").asText()).isEqualTo("PAUSED");
    assertThat(sessions.get(0).get("statusReason").asText()).isEqualTo("market data stale for 120 s");
    assertThat(sessions.get(1).get("spec").get("id").asText()).isEqualTo("b");
    assertThat(reply.body()).contains("\"equity\":12345678901234567.89", "\"cash\":512.34567891",
        "\"params\":{\"fast\":\"5\",\"slow\":\"20\"}");
    assertThat(service.calls).containsExactly(new ListAll());
  }

  @Test
  void list_of_a_node_without_sessions_is_empty() throws Exception {
    assertThat(get("").json().get("sessions")).isEmpty();
  }

  @Test
  void show_answers_every_field_of_the_view() throws Exception {
    service.holding(SessionSamples.trading("paper-1"));

    Reply reply = get("/paper-1");

    assertThat(reply.status()).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(fieldNames(body)).containsExactly("spec", "status", "statusReason", "startedAt", "barsSeen",
        "lastBarOpen", "cash", "equity", "realizedPnl", "fees", "position", "openOrders", "fills", "catchingUp",
        "member", "reachable", "orders");
    assertThat(fieldNames(body.get("spec"))).containsExactly("id", "strategy", "params", "symbol", "mode", "sizing",
        "riskProfile", "startingCash", "feeBps", "slippageBps");
    assertThat(body.get("spec").get("symbol").asText()).isEqualTo("BTC/USD");
    assertThat(body.get("barsSeen").asLong()).isEqualTo(42);
    assertThat(body.get("lastBarOpen").asText()).isEqualTo("2024-03-01T12:41:00Z");
    assertThat(body.get("position").decimalValue()).isEqualByComparingTo("0.15");
    assertThat(body.get("reachable").asBoolean()).isTrue();
    assertThat(fieldNames(body.get("orders"))).containsExactly("ACCEPTED", "FILLED");
    assertThat(body.get("orders").get("FILLED").asInt()).isEqualTo(1);
    assertThat(service.calls).containsExactly(new Get("paper-1"));
  }

  @Test
  void stop_answers_the_stopped_session() throws Exception {
    service.holding(SessionSamples.trading("paper-1"));

    Reply reply = delete("/paper-1");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("status").asText()).isEqualTo("STOPPED");
    assertThat(reply.json().get("openOrders").asInt()).isZero();
    assertThat(service.calls).containsExactly(new Stop("paper-1"));
  }

  @Test
  void orders_show_each_order_with_its_state() throws Exception {
    service.holding(SessionSamples.trading("p"));

    Reply reply = get("/p/orders");

    assertThat(reply.status()).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.get("session").asText()).isEqualTo("p");
    JsonNode first = body.get("orders").get(0);
    assertThat(first.get("order").get("id").asText()).isEqualTo("p-1");
    assertThat(first.get("order").get("type").asText()).isEqualTo("MARKET");
    assertThat(first.get("order").get("price").isNull()).isTrue();
    assertThat(first.get("status").asText()).isEqualTo("FILLED");
    assertThat(body.get("orders").get(1).get("order").get("price").decimalValue()).isEqualByComparingTo("43000.5");
    assertThat(reply.body()).contains("\"averagePrice\":42000.00000001");
  }

  @Test
  void fills_show_price_fee_and_liquidity_exactly() throws Exception {
    service.holding(SessionSamples.trading("p"));

    Reply reply = get("/p/fills");

    assertThat(reply.status()).isEqualTo(200);
    JsonNode fill = reply.json().get("fills").get(0);
    assertThat(fill.get("orderId").asText()).isEqualTo("p-1");
    assertThat(fill.get("side").asText()).isEqualTo("BUY");
    assertThat(fill.get("liquidity").asText()).isEqualTo("TAKER");
    assertThat(reply.body()).contains("\"price\":42000.00000001", "\"fee\":6.3000000000015",
        "\"time\":\"2024-03-01T12:02:00Z\"");
  }

  @Test
  void positions_show_quantity_entry_mark_and_unrealized_pnl() throws Exception {
    service.holding(SessionSamples.trading("p"));

    Reply reply = get("/p/positions");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("session").asText()).isEqualTo("p");
    assertThat(reply.body()).contains("\"symbol\":\"BTC/USD\"", "\"quantity\":0.15", "\"mark\":42100",
        "\"unrealizedPnl\":14.9999999999985");
  }

  @Test
  void equity_shows_the_curve_point_by_point() throws Exception {
    service.holding(SessionSamples.trading("p"));

    Reply reply = get("/p/equity");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("equity")).hasSize(3);
    assertThat(reply.body()).contains("{\"time\":\"2024-03-01T12:03:00Z\",\"equity\":10008.69999999999}");
  }

  @ParameterizedTest
  @CsvSource({"GET,/ghost", "DELETE,/ghost", "GET,/ghost/orders", "GET,/ghost/fills", "GET,/ghost/positions",
      "GET,/ghost/equity"})
  void an_unknown_session_is_a_404_problem_on_every_route(String method, String path) throws Exception {
    service.holding(SessionSamples.trading("p"));

    Reply reply = send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));

    assertProblem(reply, 404, "no session 'ghost' on this node; GET /api/v1/sessions lists them");
    assertThat(reply.json().get("type").asText()).isEqualTo("urn:peaktrade:problem:session-not-found");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/bad%20id", "/bad%20id/orders", "/%C3%A9"})
  void an_invalid_session_id_in_the_path_is_a_400_problem(String path) throws Exception {
    assertProblem(get(path), 400, "session id in the path must be 1-64 of A-Z a-z 0-9 . _ -");
    assertThat(service.calls).isEmpty();
  }

  @Test
  void a_wrong_method_is_a_405_problem() throws Exception {
    assertProblem(send(request("").PUT(HttpRequest.BodyPublishers.ofString("{}"))), 405,
        "PUT is not allowed on /api/v1/sessions; allowed: GET, POST");
    assertProblem(post("/p", "{}"), 405, "POST is not allowed on /api/v1/sessions/p; allowed: GET, DELETE");
  }

  @Test
  void sessions_that_do_not_answer_in_time_are_a_503_problem_on_every_route() throws Exception {
    service.failure = new AskTimeoutException("ask timed out after 5 s");

    for (Reply reply : List.of(post("", FULL_BODY), get(""), get("/p"), delete("/p"), get("/p/orders"),
        get("/p/fills"), get("/p/positions"), get("/p/equity"))) {
      assertProblem(reply, 503, "the sessions did not answer in time; retry");
      assertThat(reply.json().get("type").asText()).isEqualTo("urn:peaktrade:problem:unavailable");
    }
  }

  @Test
  void a_start_that_times_out_after_the_id_check_is_a_503_problem() throws Exception {
    service.startFailure = new TimeoutException("no answer from the session in 5 s");

    assertProblem(post("", FULL_BODY), 503, "did not answer in time");
    assertThat(service.calls).containsExactly(new Get("paper-1"), new Start(SessionSamples.spec("paper-1")));
  }

  @Test
  void failing_sessions_are_a_503_problem_without_internals() throws Exception {
    service.failure = new IllegalStateException("journal exploded");

    Reply reply = get("");

    assertProblem(reply, 503, "the sessions failed to answer; the node's log has the cause");
    assertThat(reply.body()).doesNotContain("journal exploded");
  }

  /** The full body with some fields replaced (or added) as raw JSON text, sent as it is. */
  private static String body(Map<String, String> replaced) throws IOException {
    Map<String, String> fields = new LinkedHashMap<>();
    ApiJson.MAPPER.readTree(FULL_BODY).properties()
        .forEach(field -> fields.put(field.getKey(), field.getValue().toString()));
    fields.putAll(replaced);
    return fields.entrySet().stream().map(field -> "\"" + field.getKey() + "\":" + field.getValue())
        .collect(Collectors.joining(",", "{", "}"));
  }

  private SessionSpec started() {
    return service.calls.stream().filter(Start.class::isInstance).map(call -> ((Start) call).spec()).findFirst()
        .orElseThrow(() -> new AssertionError("no start reached the service: " + service.calls));
  }

  private static void assertProblem(Reply reply, int status, String detail) throws IOException {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.contentType()).isEqualTo("application/problem+json");
    JsonNode body = reply.json();
    assertThat(body.get("type").asText()).startsWith("urn:peaktrade:problem:");
    assertThat(body.get("title").asText()).isNotBlank();
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("detail").asText()).contains(detail);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Every request goes with the admin's token; the token gate itself is tested in AuthorizationTest. */
  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", TestTokens.bearer(TestTokens.ROOT));
  }

  private Reply get(String path) throws Exception {
    return send(request(path).GET());
  }

  private Reply delete(String path) throws Exception {
    return send(request(path).DELETE());
  }

  private Reply post(String path, String body) throws Exception {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("''".equals(body) ? "" : body)));
  }

  private static Reply send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response.body(), response);
  }

  private record Reply(int status, String body, HttpResponse<String> response) {
    JsonNode json() throws IOException {
      return ApiJson.MAPPER.readTree(body);
    }

    String contentType() {
      return response.headers().firstValue("Content-Type").orElse("");
    }

    Optional<String> header(String name) {
      return response.headers().firstValue(name);
    }
  }
}
