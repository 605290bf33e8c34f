package org.peaktrade.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.peaktrade.http.ServedApi.Reply;
import org.peaktrade.http.fixtures.RecordingSessionService;
import org.peaktrade.http.fixtures.TestTokens;

/**
 * What the API does with bodies it will not read (too large by configuration, not JSON) and with requests too
 * malformed to route, over real HTTP on a node configured with {@code peaktrade.http.max-body-bytes = 1KiB}; the
 * requests carry an operator's token, so the gate lets them through to the body reading.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestLimitsTest {

  private static final String TRIGGER = "/api/v1/kill-switch/trigger";

  private ActorSystem<Void> system;
  private ServedApi api;

  @BeforeAll
  void startSystem() {
    system = ActorSystem.create(Behaviors.empty(), "request-limits-test",
        ConfigFactory.parseString("""
            peaktrade.http.max-body-bytes = 1KiB
            pekko.loglevel = WARNING
            pekko.stdout-loglevel = WARNING""").withFallback(ConfigFactory.load()));
  }

  @BeforeEach
  void bind() {
    api = ServedApi.start(system, new RecordingSessionService()).as(TestTokens.ALICE);
  }

  @AfterAll
  void stopSystem() {
    system.terminate();
  }

  @Test
  void a_body_within_the_configured_limit_is_read() throws Exception {
    Reply reply = api.postJson(TRIGGER, trigger(900));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  @Test
  void a_body_over_the_configured_limit_is_a_413_naming_the_limit_and_its_setting() throws Exception {
    Reply reply = api.postJson(TRIGGER, trigger(1100));

    assertProblem(reply, 413, "larger than 1024 bytes, the limit set by peaktrade.http.max-body-bytes");
    assertThat(api.killSwitch.calls).isEmpty();
  }

  @Test
  void a_chunked_body_over_the_limit_is_a_413_as_well() throws Exception {
    byte[] body = trigger(1100).getBytes(StandardCharsets.UTF_8);

    Reply reply = api.send("POST", TRIGGER, "application/json", body, true);

    assertProblem(reply, 413, "larger than 1024 bytes");
  }

  @Test
  void a_body_over_the_servers_own_limit_of_8_MiB_is_a_413_problem_too() throws Exception {
    // Only the headers: the server refuses from the declared length alone. (A client still writing 9 MiB when the
    // server closes can lose the answer to a broken pipe, which would test the client, not the server.)
    int declared = 9 * 1024 * 1024;

    Reply reply = api.raw("POST " + TRIGGER + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Authorization: " + TestTokens.bearer(TestTokens.ALICE) + "\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + declared + "\r\n\r\n");

    assertProblem(reply, 413, "larger than 1024 bytes");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "text/plain                     | not text/plain",
      "application/xml                | not application/xml",
      "application/x-www-form-urlencoded | not application/x-www-form-urlencoded"})
  void a_body_not_sent_as_json_is_a_415_naming_its_type(String contentType, String detail) throws Exception {
    Reply reply = api.send("POST", TRIGGER, contentType, trigger(40).getBytes(StandardCharsets.UTF_8));

    assertProblem(reply, 415, "Content-Type must be application/json, " + detail);
  }

  @Test
  void a_body_without_a_content_type_is_a_415() throws Exception {
    Reply reply = api.send("POST", TRIGGER, null, trigger(40).getBytes(StandardCharsets.UTF_8));

    assertProblem(reply, 415, "Content-Type must be application/json");
  }

  @Test
  void json_with_a_charset_parameter_is_json() throws Exception {
    Reply reply = api.send("POST", TRIGGER, "application/json; charset=utf-8",
        trigger(40).getBytes(StandardCharsets.UTF_8));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  @Test
  void a_request_too_malformed_to_route_is_a_400_problem() throws Exception {
    Reply reply = api.raw("GET /api/v1/kill-switch HTTP/1.1\r\nHost: x\r\nBroken header line\r\n\r\n");

    assertProblem(reply, 400, "");
    assertThat(reply.json().get("type").asText()).isEqualTo("urn:peaktrade:problem:bad-request");
  }

  @Test
  void headers_over_the_servers_limit_are_a_431_problem() throws Exception {
    Reply reply = api.raw("GET /api/v1/kill-switch HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000)
        + "\r\n\r\n");

    assertProblem(reply, 431, "");
  }

  @Test
  void a_uri_over_the_servers_limit_is_a_414_problem() throws Exception {
    Reply reply = api.raw("GET /api/v1/kill-switch?session=" + "a".repeat(5_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");

    assertProblem(reply, 414, "");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "peaktrade.http.max-body-bytes = 0                                   | peaktrade.http.max-body-bytes",
      "peaktrade.http.max-body-bytes = lots                                | peaktrade.http.max-body-bytes",
      "peaktrade.http.max-body-bytes = 16m                                 | must not exceed pekko.http.server.parsing.max-content-length",
      "peaktrade.http.body-timeout = 0s                                    | peaktrade.http.body-timeout",
      "peaktrade.http.port = 65536                                         | peaktrade.http.port",
      "peaktrade.http.port = -1                                            | peaktrade.http.port",
      "peaktrade.http.host = \"\"                                            | peaktrade.http.host"})
  void invalid_settings_fail_naming_the_key(String setting, String message) {
    Config config = ConfigFactory.parseString(setting).withFallback(ConfigFactory.load());

    assertThatThrownBy(() -> ApiSettings.fromConfig(config)).isInstanceOf(ConfigException.class)
        .hasMessageContaining(message);
  }

  @Test
  void the_defaults_listen_on_loopback_port_8080_and_read_64_KiB_within_5_seconds() {
    ApiSettings defaults = ApiSettings.fromConfig(ConfigFactory.load());

    assertThat(defaults).isEqualTo(new ApiSettings("127.0.0.1", 8080, 64 * 1024, Duration.ofSeconds(5)));
  }

  private static String trigger(int totalBytes) {
    String start = "{\"reason\":\"";
    return start + "r".repeat(totalBytes - start.length() - 2) + "\"}";
  }

  private static void assertProblem(Reply reply, int status, String detail) throws IOException {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.contentType()).isEqualTo("application/problem+json");
    JsonNode problem = reply.json();
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("detail").asText()).isNotBlank().contains(detail);
  }
}
