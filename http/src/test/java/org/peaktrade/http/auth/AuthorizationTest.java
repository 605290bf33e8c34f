package org.peaktrade.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peaktrade.http.ApiJson;
import org.peaktrade.http.HttpServer;
import org.peaktrade.http.fixtures.TestTokens;
import org.peaktrade.http.fixtures.TestTokens.Person;
import org.slf4j.LoggerFactory;

/**
 * The token gate over real HTTP on loopback, in front of a stand-in route that answers with the caller it was handed.
 * (Every route of a real node is walked in the app's NodeRouteTableTest.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationTest extends AllDirectives {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private ActorSystem<Void> system;
  private String base;

  @BeforeAll
  void start() {
    system = ActorSystem.create(Behaviors.empty(), "authorization-test",
        ConfigFactory.parseString("pekko.loglevel = WARNING").withFallback(ConfigFactory.load()));
    Route reached = optionalAttribute(Authorization.CALLER,
        caller -> complete("reached as " + caller.map(Caller::name).orElse("nobody")));
    InetSocketAddress address = HttpServer.start(system, new Authorization(TestTokens.tokens()).secure(reached),
        "127.0.0.1", 0);
    base = "http://127.0.0.1:" + address.getPort();
  }

  @AfterAll
  void stop() {
    system.terminate();
  }

  @Test
  void a_request_without_a_token_is_401_with_a_bearer_challenge() throws Exception {
    HttpResponse<String> reply = send("GET", "/api/v1/kill-switch", null);

    assertProblem(reply, 401, "unauthorized", "send the header 'Authorization: Bearer TOKEN'");
    assertThat(reply.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"peak-trade\"");
  }

  @Test
  void an_unknown_token_is_401_invalid_token() throws Exception {
    HttpResponse<String> reply = sendWith("POST", "/api/v1/kill-switch/trigger", "Bearer not-a-known-token");

    assertProblem(reply, 401, "unauthorized", "the token is not known to this node");
    assertThat(reply.headers().firstValue("WWW-Authenticate").orElseThrow())
        .startsWith("Bearer realm=\"peak-trade\"").contains("error=invalid_token");
    assertThat(reply.body()).doesNotContain("not-a-known-token");
  }

  @Test
  void another_authorization_scheme_is_401() throws Exception {
    HttpResponse<String> reply = sendWith("GET", "/api/v1/kill-switch", "Basic YWxpY2U6c2VjcmV0");

    assertProblem(reply, 401, "unauthorized", "the Authorization header must be 'Bearer TOKEN'");
  }

  @Test
  void a_token_without_the_role_of_the_route_is_403_naming_both() throws Exception {
    HttpResponse<String> reply = send("POST", "/api/v1/kill-switch/trigger", TestTokens.VIC);

    assertProblem(reply, 403, "forbidden",
        "POST /api/v1/kill-switch/trigger needs the role operator; the token 'vic' has viewer");
  }

  @Test
  void an_operator_may_not_recover_and_an_approver_may_not_kill() throws Exception {
    assertThat(send("POST", "/api/v1/kill-switch/recovery", TestTokens.ALICE).statusCode()).isEqualTo(403);
    assertThat(send("POST", "/api/v1/kill-switch/trigger", TestTokens.BOB).statusCode()).isEqualTo(403);
  }

  @Test
  void a_token_with_the_role_reaches_the_route_as_its_name() throws Exception {
    HttpResponse<String> kill = send("POST", "/api/v1/kill-switch/trigger", TestTokens.ALICE);
    HttpResponse<String> read = send("GET", "/api/v1/sessions/s-1/orders", TestTokens.BOB);
    HttpResponse<String> recover = send("POST", "/api/v1/kill-switch/recovery/complete", TestTokens.ROOT);

    assertThat(kill.body()).isEqualTo("reached as alice");
    assertThat(read.body()).isEqualTo("reached as bob");
    assertThat(recover.body()).isEqualTo("reached as root");
  }

  @Test
  void the_dashboard_files_are_open_and_reach_the_route_without_a_caller() throws Exception {
    assertThat(send("GET", "/dashboard/app.js", null).body()).isEqualTo("reached as nobody");
    assertThat(send("GET", "/", null).body()).isEqualTo("reached as nobody");
  }

  @Test
  void an_unknown_path_is_401_without_a_token_and_404_with_one() throws Exception {
    assertThat(send("GET", "/admin/secrets", null).statusCode()).isEqualTo(401);
    assertProblem(send("GET", "/admin/secrets", TestTokens.VIC), 404, "not-found", "no route /admin/secrets");
  }

  @Test
  void a_method_the_path_does_not_take_is_405_with_allow() throws Exception {
    HttpResponse<String> reply = send("PUT", "/api/v1/sessions/s-1", TestTokens.ROOT);

    assertProblem(reply, 405, "method-not-allowed", "PUT is not allowed on /api/v1/sessions/s-1; allowed: GET, DELETE");
    assertThat(reply.headers().firstValue("Allow").orElseThrow()).contains("GET").contains("DELETE");
  }

  @Test
  void whoami_answers_the_name_and_roles_of_the_token() throws Exception {
    JsonNode body = ApiJson.MAPPER.readTree(send("GET", "/api/v1/auth/whoami", TestTokens.ALICE).body());

    assertThat(body.get("name").asText()).isEqualTo("alice");
    assertThat(body.get("roles").toString()).isEqualTo("[\"operator\"]");
  }

  @Test
  void a_control_request_is_audited_with_the_caller_and_the_status() throws Exception {
    ListAppender<ILoggingEvent> audit = new ListAppender<>();
    audit.start();
    Logger logger = (Logger) LoggerFactory.getLogger("org.peaktrade.audit");
    Level level = logger.getLevel();
    logger.setLevel(Level.INFO);
    logger.addAppender(audit);
    try {
      send("DELETE", "/api/v1/sessions/s-9", TestTokens.ALICE);
      send("DELETE", "/api/v1/sessions/s-9", TestTokens.VIC);
    } finally {
      logger.detachAppender(audit);
      logger.setLevel(level);
    }

    assertThat(audit.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
        "DELETE /api/v1/sessions/s-9 by alice [operator]: 200",
        "refused DELETE /api/v1/sessions/s-9 by vic [viewer]: needs operator");
  }

  @Test
  void a_gate_without_tokens_cannot_be_built() {
    assertThatThrownBy(() -> new Authorization(ApiTokens.fromConfig(ConfigFactory.empty())))
        .hasMessage("no API tokens configured");
  }

  private HttpResponse<String> send(String method, String path, Person person) throws Exception {
    return sendWith(method, path, person == null ? null : TestTokens.bearer(person));
  }

  private HttpResponse<String> sendWith(String method, String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertProblem(HttpResponse<String> reply, int status, String type, String detail)
      throws Exception {
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(status);
    assertThat(reply.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonNode body = ApiJson.MAPPER.readTree(reply.body());
    assertThat(body.get("type").asText()).isEqualTo("urn:peaktrade:problem:" + type);
    assertThat(body.get("detail").asText()).contains(detail);
  }
}
