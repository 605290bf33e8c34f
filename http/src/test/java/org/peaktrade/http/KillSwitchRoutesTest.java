package org.peaktrade.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.apache.pekko.http.javadsl.server.Route;
import org.peaktrade.actors.killswitch.KillSwitchService.RecordedEvent;
import org.peaktrade.http.auth.Authorization;
import org.peaktrade.http.fixtures.TestTokens;
import org.peaktrade.http.fixtures.TestTokens.Person;
import org.peaktrade.http.RecordingKillSwitchService.CompleteRecovery;
import org.peaktrade.http.RecordingKillSwitchService.Events;
import org.peaktrade.http.RecordingKillSwitchService.RequestRecovery;
import org.peaktrade.http.RecordingKillSwitchService.Status;
import org.peaktrade.http.RecordingKillSwitchService.Trigger;
import org.peaktrade.protocol.killswitch.KillSwitchEvent;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchState;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.RefusalReason;
import org.peaktrade.protocol.killswitch.TriggerKind;

/**
 * The kill-switch API over real HTTP on loopback behind the token gate, with a recording double in place of the
 * actors. Reads go with the viewer's token, kills with alice's (operator), recovery requests with bob's and
 * completions with carol's (approvers).
 */
class KillSwitchRoutesTest {

  private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final KillSwitchStatus RECOVERING = new KillSwitchStatus(KillSwitchScope.GLOBAL,
      KillSwitchState.RECOVERING, NOW.minusSeconds(10), 7, TriggerKind.MANUAL, "alice", "fat finger", "bob",
      NOW.plusMillis(299_500), Duration.ofMillis(299_500));
  private static final KillSwitchStatus KILLED = new KillSwitchStatus(KillSwitchScope.GLOBAL, KillSwitchState.KILLED,
      NOW.minusSeconds(60), 3, TriggerKind.MANUAL, "alice", "fat finger", null, null, null);

  private static ActorSystem<Void> system;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private RecordingKillSwitchService service;
  private String base;

  @BeforeAll
  static void startSystem() {
    system = ActorSystem.create(Behaviors.empty(), "routes-test",
        ConfigFactory.parseString("pekko.loglevel = WARNING\npekko.stdout-loglevel = WARNING")
            .withFallback(ConfigFactory.load()));
  }

  @AfterAll
  static void stopSystem() {
    system.terminate();
  }

  @BeforeEach
  void bind() {
    service = new RecordingKillSwitchService(KILLED);
    Route gated = new Authorization(TestTokens.tokens()).secure(new KillSwitchRoutes(service, CLOCK).route());
    InetSocketAddress address = HttpServer.start(system, gated, "127.0.0.1", 0);
    base = "http://127.0.0.1:" + address.getPort() + "/api/v1/kill-switch";
  }

  @Test
  void status_shows_every_field_and_the_cooldown_seconds_left_rounded_up() throws Exception {
    service.status = RECOVERING;

    Reply reply = get("");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo("application/json");
    JsonNode body = reply.json();
    assertThat(fieldNames(body)).containsExactly("scope", "state", "since", "reason", "triggerKind", "triggeredBy",
        "recoveryRequestedBy", "cooldownEndsAt", "cooldownRemainingSeconds", "revision");
    assertThat(body.get("scope").asText()).isEqualTo("global");
    assertThat(body.get("state").asText()).isEqualTo("RECOVERING");
    assertThat(body.get("since").asText()).isEqualTo("2024-03-01T11:59:50Z");
    assertThat(body.get("triggeredBy").asText()).isEqualTo("alice");
    assertThat(body.get("recoveryRequestedBy").asText()).isEqualTo("bob");
    assertThat(body.get("cooldownEndsAt").asText()).isEqualTo("2024-03-01T12:04:59.500Z");
    assertThat(body.get("cooldownRemainingSeconds").asLong()).isEqualTo(300);
    assertThat(body.get("revision").asLong()).isEqualTo(7);
    assertThat(service.calls).containsExactly(new Status(KillSwitchScope.GLOBAL));
  }

  @Test
  void status_without_a_cooldown_has_null_seconds_left() throws Exception {
    JsonNode body = get("").json();

    assertThat(body.get("cooldownEndsAt").isNull()).isTrue();
    assertThat(body.get("cooldownRemainingSeconds").isNull()).isTrue();
  }

  @Test
  void session_parameter_selects_the_session_scope_on_every_route() throws Exception {
    get("?session=shadow-1");
    get("/events?session=shadow-1");
    post("/trigger?session=shadow-1", "{\"reason\":\"r\"}");
    post("/external?session=shadow-1", "{\"source\":\"grafana\",\"reason\":\"r\"}");
    post("/recovery?session=shadow-1", "{\"approvalCode\":\"c\"}");
    post("/recovery/complete?session=shadow-1", "{}");

    assertThat(service.calls).hasSize(6).allSatisfy(call -> assertThat(call.toString()).contains("session:shadow-1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"?session=", "?session=a%20b", "?session=x%2Fy", "/events?session=%C3%A9"})
  void an_invalid_session_id_is_a_400_problem_that_says_what_is_allowed(String query) throws Exception {
    Reply reply = get(query);

    assertProblem(reply, 400, "query parameter 'session' must be 1-64 of A-Z a-z 0-9 . _ -");
    assertThat(service.calls).isEmpty();
  }

  @Test
  void trigger_kills_manually_as_the_token_owner_with_reason_and_metadata() throws Exception {
    Reply reply = post("/trigger", "{\"reason\":\"runaway orders\",\"metadata\":{\"ticket\":\"OPS-7\"}}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("accepted").asBoolean()).isTrue();
    assertThat(reply.json().get("detail").asText()).isEqualTo("done");
    assertThat(reply.json().get("status").get("state").asText()).isEqualTo("KILLED");
    assertThat(service.calls).containsExactly(new Trigger(KillSwitchScope.GLOBAL, TriggerKind.MANUAL, "alice",
        "runaway orders", Map.of("ticket", "OPS-7")));
  }

  @Test
  void a_body_may_name_the_token_owner_as_identity() throws Exception {
    Reply reply = post("/trigger", "{\"identity\":\"alice\",\"reason\":\"r\"}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(service.calls).containsExactly(
        new Trigger(KillSwitchScope.GLOBAL, TriggerKind.MANUAL, "alice", "r", Map.of()));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/trigger           | {\"identity\":\"mallory\",\"reason\":\"r\"}         | field 'identity' is 'mallory'",
      "/recovery          | {\"approver\":\"alice\",\"approvalCode\":\"c\"}   | field 'approver' is 'alice'",
      "/recovery/complete | {\"identity\":\"bob\"}                          | field 'identity' is 'bob'"})
  void a_body_naming_someone_else_than_the_token_owner_is_a_400_problem(String path, String body, String detail)
      throws Exception {
    Reply reply = post(path, body);

    assertProblem(reply, 400, detail);
    assertThat(reply.json().get("detail").asText()).contains("leave the field out, the token names who acts");
    assertThat(service.calls).isEmpty();
  }

  @Test
  void trigger_without_metadata_passes_an_empty_map() throws Exception {
    post("/trigger", "{\"reason\":\"test\"}");

    assertThat(service.calls).containsExactly(
        new Trigger(KillSwitchScope.GLOBAL, TriggerKind.MANUAL, "alice", "test", Map.of()));
  }

  @Test
  void external_webhook_kills_with_kind_external_the_source_as_identity_and_the_token_in_the_metadata()
      throws Exception {
    Reply reply = post("/external", "{\"source\":\"exchange-monitor\",\"reason\":\"exchange disconnected\"}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(service.calls).containsExactly(new Trigger(KillSwitchScope.GLOBAL, TriggerKind.EXTERNAL,
        "exchange-monitor", "exchange disconnected", Map.of("source", "exchange-monitor", "submittedBy", "alice")));
  }

  @Test
  void recovery_request_hands_the_code_to_the_service_as_the_token_owner_and_never_echoes_it() throws Exception {
    service.status = RECOVERING;

    Reply reply = post("/recovery", "{\"approvalCode\":\"s3cret-code\"}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).doesNotContain("s3cret-code");
    assertThat(reply.json().get("status").get("cooldownRemainingSeconds").asLong()).isEqualTo(300);
    assertThat(service.calls).containsExactly(new RequestRecovery(KillSwitchScope.GLOBAL, "bob", "s3cret-code"));
  }

  @Test
  void recovery_completion_passes_the_token_owner_as_the_completing_identity() throws Exception {
    Reply reply = post("/recovery/complete", "{}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(service.calls).containsExactly(new CompleteRecovery(KillSwitchScope.GLOBAL, "carol"));
  }

  @Test
  void events_page_through_the_journal_with_after_and_limit() throws Exception {
    service.journal = List.of(
        new RecordedEvent(1, new KillSwitchEvent.Triggered(TriggerKind.MANUAL, "alice", "r", Map.of(), NOW)),
        new RecordedEvent(2, new KillSwitchEvent.ApprovalCodeRejected("bob", NOW, null)),
        new RecordedEvent(3, new KillSwitchEvent.RecoveryRequested("bob", NOW, NOW.plusSeconds(300))));

    Reply reply = get("/events?after=1&limit=1");

    assertThat(reply.status()).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.get("scope").asText()).isEqualTo("global");
    assertThat(body.get("events")).hasSize(1);
    assertThat(body.get("events").get(0).get("sequence").asLong()).isEqualTo(2);
    assertThat(body.get("events").get(0).get("event").get("type").asText()).isEqualTo("approval-code-rejected");
    assertThat(body.get("events").get(0).get("event").get("approver").asText()).isEqualTo("bob");
    assertThat(body.get("nextAfter").asLong()).isEqualTo(2);
    assertThat(service.calls).containsExactly(new Events(KillSwitchScope.GLOBAL, 1, 1));
  }

  @Test
  void events_default_to_the_first_hundred() throws Exception {
    Reply reply = get("/events");

    assertThat(reply.json().get("events")).isEmpty();
    assertThat(reply.json().get("nextAfter").asLong()).isZero();
    assertThat(service.calls).containsExactly(new Events(KillSwitchScope.GLOBAL, 0, 100));
  }

  @ParameterizedTest
  @CsvSource({"after=-1,'after' must be a whole number from 0", "after=x,'after' must be a whole number from 0",
      "limit=0,'limit' must be a whole number from 1 to 1000", "limit=1001,'limit' must be a whole number from 1 to 1000"})
  void events_with_a_bad_after_or_limit_are_a_400_problem(String query, String detail) throws Exception {
    assertProblem(get("/events?" + query), 400, detail);
    assertThat(service.calls).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"WRONG_STATE,409", "COOLDOWN_NOT_OVER,409", "SAME_PERSON,409", "HEALTH_CHECK_FAILED,409",
      "BAD_APPROVAL_CODE,403", "INVALID,400"})
  void a_refusal_is_a_problem_with_its_status_reason_detail_and_the_switch_state(RefusalReason reason, int status)
      throws Exception {
    service.reply = s -> KillSwitchReply.refused(reason, "because " + reason, s);

    Reply reply = post("/recovery/complete", "{}");

    assertProblem(reply, status, "because " + reason);
    assertThat(reply.json().get("type").asText())
        .isEqualTo("urn:peaktrade:problem:" + reason.name().toLowerCase().replace('_', '-'));
    assertThat(reply.json().get("refusal").asText()).isEqualTo(reason.name());
    assertThat(reply.json().get("killSwitch").get("state").asText()).isEqualTo("KILLED");
    assertThat(reply.header("Retry-After")).isEmpty();
  }

  @Test
  void a_lock_out_is_429_with_retry_after_until_the_approvers_lock_out_ends() throws Exception {
    service.reply = s -> KillSwitchReply.lockedOut("too many wrong approval codes by mallory", s,
        NOW.plusSeconds(900));

    Reply reply = post("/recovery?session=bf-7", "{\"approvalCode\":\"right code\"}");

    assertProblem(reply, 429, "too many wrong approval codes by mallory");
    assertThat(reply.json().get("refusal").asText()).isEqualTo("LOCKED_OUT");
    assertThat(reply.header("Retry-After")).contains("900");
    assertThat(reply.body()).doesNotContain("right code");
  }

  @Test
  void a_lock_out_that_does_not_name_its_end_retries_after_the_fallback() throws Exception {
    service.reply = s -> KillSwitchReply.refused(RefusalReason.LOCKED_OUT, "locked out", s);

    Reply reply = post("/recovery", "{\"approvalCode\":\"guess\"}");

    assertThat(reply.status()).isEqualTo(429);
    assertThat(reply.header("Retry-After")).contains(String.valueOf(KillSwitchRoutes.LOCKOUT_FALLBACK_SECONDS));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"identity\":\"alice\",                   | malformed JSON at line 1",
      "{\"identity\":\"alice\",\"reason\":5}      | field 'reason' must be a string",
      "{\"identity\":\"alice\",\"reason\":true}   | field 'reason' must be a string",
      "{\"identity\":\"alice\",\"reason\":{}}     | field 'reason' must be a string",
      "{\"identity\":\"alice\",\"reason\":\"r\",\"metadata\":{\"k\":1}} | field 'metadata.k' must be a string",
      "{\"identity\":\"alice\",\"reason\":\"r\",\"metadata\":[]}        | field 'metadata' must be an object",
      "{\"identity\":\"alice\"}                   | missing field 'reason'",
      "{\"identity\":\"a\",\"reason\":\"r\"}      | field 'identity' is 'a' but the token belongs to 'alice'",
      "{\"identity\":\"a\",\"reason\":\"r\",\"force\":true} | unknown field 'force'; allowed fields: identity, metadata, reason",
      "{\"identity\":\"a\",\"identity\":\"b\",\"reason\":\"r\"} | malformed JSON",
      "{\"identity\":\"a\",\"reason\":\"r\"} {}  | unexpected content after the JSON object",
      "[]                                         | expected a JSON object",
      "null                                       | the request body is null",
      "''                                         | the request body is empty"})
  void a_body_that_is_not_the_expected_object_is_a_400_problem_naming_what_is_wrong(String body, String detail)
      throws Exception {
    Reply reply = post("/trigger", body);

    assertProblem(reply, 400, detail);
    assertThat(service.calls).isEmpty();
  }

  @Test
  void a_mistyped_approval_code_is_refused_without_echoing_it() throws Exception {
    Reply wrongType = post("/recovery", "{\"approver\":\"bob\",\"approvalCode\":123456789}");
    Reply malformed = post("/recovery", "{\"approver\":\"bob\",\"approvalCode\":s3cret}");
    Reply letters = post("/recovery", "{\"approver\":\"bob\",\"approvalCode\":[\"s\",\"3\"]}");

    assertProblem(wrongType, 400, "field 'approvalCode' must be a string");
    assertProblem(letters, 400, "field 'approvalCode' must be a string");
    assertThat(wrongType.body()).doesNotContain("123456789");
    assertProblem(malformed, 400, "malformed JSON at line 1");
    assertThat(malformed.body()).doesNotContain("s3cret");
    assertThat(service.calls).isEmpty();
  }

  @Test
  void a_body_over_64_KiB_is_a_413_problem() throws Exception {
    String huge = "{\"identity\":\"alice\",\"reason\":\"" + "x".repeat(70_000) + "\"}";

    assertProblem(post("/trigger", huge), 413, "larger than 65536 bytes");
    assertThat(service.calls).isEmpty();
  }

  @Test
  void an_unknown_path_is_a_404_problem() throws Exception {
    assertProblem(get("/nope"), 404, "no route /api/v1/kill-switch/nope on this node");
  }

  @Test
  void a_wrong_method_is_a_405_problem() throws Exception {
    assertProblem(post("", "{}"), 405, "POST is not allowed on /api/v1/kill-switch; allowed: GET");
    assertProblem(get("/trigger"), 405, "GET is not allowed on /api/v1/kill-switch/trigger; allowed: POST");
  }

  @Test
  void a_kill_switch_that_does_not_answer_in_time_is_a_503_problem() throws Exception {
    service.failure = new TimeoutException("ask timed out");

    assertProblem(get(""), 503, "did not answer in time");
  }

  @Test
  void a_kill_switch_that_does_not_answer_in_time_is_read_from_its_journal_and_marked_so() throws Exception {
    KillSwitchStatus killed = service.status;
    service.failure = new TimeoutException("ask timed out: the switch is moving off a crashed member");
    service.journalStatus = CompletableFuture.completedFuture(Optional.of(killed));

    Reply reply = get("");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode body = ApiJson.MAPPER.readTree(reply.body());
    assertThat(body.get("state").asText()).isEqualTo(killed.state().name());
    assertThat(body.get("revision").asLong()).isEqualTo(killed.revision());
    assertThat(body.get("readFromJournal").asBoolean()).isTrue();
  }

  @Test
  void a_kill_switch_that_stays_silent_is_read_from_its_journal_after_the_routes_own_wait()
      throws Exception {
    KillSwitchStatus killed = service.status;
    service.statusSilent = true;
    service.journalStatus = CompletableFuture.completedFuture(Optional.of(killed));

    // the silent switch never answers, not even with the ask's timeout: only the route's own wait gets to the journal
    Reply reply = get("");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(ApiJson.MAPPER.readTree(reply.body()).get("readFromJournal").asBoolean()).isTrue();
  }

  @Test
  void a_kill_switch_whose_journal_cannot_be_read_either_is_a_503_problem() throws Exception {
    service.failure = new TimeoutException("ask timed out");
    service.journalStatus = CompletableFuture.failedFuture(new IllegalStateException("no node available"));

    assertProblem(get(""), 503, "did not answer in time");
  }

  @Test
  void a_status_the_switch_answered_itself_has_no_journal_mark() throws Exception {
    Reply reply = get("");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(ApiJson.MAPPER.readTree(reply.body()).has("readFromJournal")).isFalse();
  }

  @Test
  void a_failing_kill_switch_is_a_500_problem_without_internals() throws Exception {
    service.failure = new IllegalStateException("journal exploded");

    Reply reply = get("");

    assertProblem(reply, 500, "the node's log has the cause");
    assertThat(reply.body()).doesNotContain("journal exploded");
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
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private Reply get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", TestTokens.bearer(
        TestTokens.VIC)).GET());
  }

  /** Posts with the token of who would do it: alice kills, bob requests recovery, carol completes it. */
  private Reply post(String path, String body) throws Exception {
    Person who = path.startsWith("/recovery/complete") ? TestTokens.CAROL
        : path.startsWith("/recovery") ? TestTokens.BOB : TestTokens.ALICE;
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", TestTokens.bearer(who))
        .header("Content-Type", "application/json")
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
