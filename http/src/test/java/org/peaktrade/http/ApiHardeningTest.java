package org.peaktrade.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peaktrade.actors.killswitch.UnknownScopeException;
import org.peaktrade.http.ServedApi.Reply;
import org.peaktrade.http.fixtures.RecordingSessionService;
import org.peaktrade.http.fixtures.TestTokens;
import org.peaktrade.protocol.killswitch.KillSwitchScope;

/**
 * Over real HTTP on loopback: every answer (dashboard, API, and each kind of error) carries the security headers and
 * no Server header; a session scope the node does not know is a 404; free text with control characters is a 400
 * naming the field, and nothing reaches the facade.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiHardeningTest {
  private static final Map<String, String> SECURITY_HEADERS = Map.of(
      "cache-control", "no-store",
      "x-content-type-options", "nosniff",
      "referrer-policy", "no-referrer",
      "x-frame-options", "DENY",
      "content-security-policy", SecurityHeaders.CONTENT_SECURITY_POLICY);

  private ActorSystem<Void> system;
  private ServedApi api;

  @BeforeAll
  void startSystem() {
    system = ActorSystem.create(Behaviors.empty(), "api-hardening-test", ConfigFactory.parseString("""
        pekko.loglevel = OFF
        pekko.stdout-loglevel = OFF""").withFallback(ConfigFactory.load()));
  }

  @BeforeEach
  void bind() {
    api = ServedApi.start(system, new RecordingSessionService());
  }

  @AfterAll
  void stopSystem() {
    system.terminate();
  }

  private static void assertHardened(Reply reply, int status) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    SECURITY_HEADERS.forEach((name, value) -> assertThat(reply.header(name)).as(name).contains(value));
    assertThat(reply.header("server")).as("server").isEmpty();
  }

  @Test
  void everyKindOfAnswerCarriesTheSecurityHeadersAndNoServerHeader() throws Exception {
    ServedApi alice = api.as(TestTokens.ALICE);
    assertHardened(api.get("/dashboard/"), 200);
    assertHardened(api.get("/dashboard/app.js"), 200);
    assertHardened(api.get("/"), 302);
    assertHardened(alice.get("/api/v1/kill-switch"), 200);
    assertHardened(api.get("/api/v1/kill-switch"), 401);
    assertHardened(alice.get("/api/v1/nope"), 404);
    assertHardened(alice.send("PUT", "/api/v1/kill-switch", null, null), 405);
    assertHardened(alice.postJson("/api/v1/kill-switch/trigger", "{\"reason\":\"" + "x".repeat(70_000) + "\"}"),
        413);
    assertHardened(api.raw("GET /api/v1/kill-switch HTTP/1.1\r\nHost: 127.0.0.1\r\nNot a header\r\n\r\n"), 400);

    api.killSwitch.failure = new IllegalStateException("journal exploded");
    assertHardened(alice.get("/api/v1/kill-switch"), 500);
  }

  @Test
  void answersNotFoundForUnknownSessionScopeNamingTheSession() throws Exception {
    api.killSwitch.failure = new UnknownScopeException(KillSwitchScope.session("ghost-7"));
    ServedApi root = api.as(TestTokens.ROOT);

    for (Reply reply : List.of(root.get("/api/v1/kill-switch?session=ghost-7"),
        root.get("/api/v1/kill-switch/events?session=ghost-7"),
        root.postJson("/api/v1/kill-switch/trigger?session=ghost-7", "{\"reason\":\"halt\"}"),
        root.postJson("/api/v1/kill-switch/recovery?session=ghost-7", "{\"approvalCode\":\"x\"}"),
        root.postJson("/api/v1/kill-switch/recovery/complete?session=ghost-7", "{}"))) {
      assertHardened(reply, 404);
      assertThat(reply.isProblem()).isTrue();
      assertThat(reply.json().get("type").asText()).isEqualTo("urn:peaktrade:problem:unknown-session");
      assertThat(reply.json().get("detail").asText()).contains("no session 'ghost-7'");
    }
  }

  @Test
  void refusesAControlCharacterInTheReasonNamingFieldCodePointAndIndex() throws Exception {
    Reply reply = api.as(TestTokens.ALICE).postJson("/api/v1/kill-switch/trigger",
        "{\"reason\":\"halt \\u0000now\"}");

    assertProblem(reply, "reason: contains control character U+0000 at index 5");
  }

  @Test
  void refusesControlCharactersInEveryFreeTextFieldOfTheKillSwitchApi() throws Exception {
    ServedApi root = api.as(TestTokens.ROOT);

    assertProblem(root.postJson("/api/v1/kill-switch/trigger", "{\"reason\":\"halt\",\"metadata\":{\"desk\":\"fx\\u202e\"}}"),
        "metadata[desk]: contains control character U+202E at index 2");
    assertProblem(root.postJson("/api/v1/kill-switch/trigger", "{\"reason\":\"halt\",\"metadata\":{\"d\\u0085\":\"fx\"}}"),
        "metadata key: contains control character U+0085 at index 1");
    assertProblem(root.postJson("/api/v1/kill-switch/trigger", "{\"identity\":\"ro\\u2067ot\",\"reason\":\"halt\"}"),
        "identity: contains control character U+2067 at index 2");
    assertProblem(root.postJson("/api/v1/kill-switch/external", "{\"source\":\"mon\\u001bitor\",\"reason\":\"down\"}"),
        "source: contains control character U+001B at index 3");
    assertProblem(root.postJson("/api/v1/kill-switch/external", "{\"source\":\"monitor\",\"reason\":\"down\\u007f\"}"),
        "reason: contains control character U+007F at index 4");
    assertProblem(root.postJson("/api/v1/kill-switch/recovery", "{\"approver\":\"\\u200eroot\",\"approvalCode\":\"c\"}"),
        "approver: contains control character U+200E at index 0");
    assertProblem(root.postJson("/api/v1/kill-switch/recovery/complete", "{\"identity\":\"root\\u061c\"}"),
        "identity: contains control character U+061C at index 4");

    assertThat(api.killSwitch.calls).isEmpty();
  }

  @Test
  void refusesControlCharactersInTheFreeTextOfASessionStart() throws Exception {
    Reply reply = api.as(TestTokens.ALICE).postJson("/api/v1/sessions", """
        {"id":"paper-1","strategy":"ma-cross\\u202e","params":{"fast":"5\\u0000","slow":"20"},"symbol":"BTC/USD",
         "mode":"PAPER","sizing":"qty:1"}""");

    assertProblem(reply, "strategy: contains control character U+202E at index 8");
    assertThat(reply.json().get("detail").asText()).contains("params.fast: contains control character U+0000 at index 1");
    assertThat(api.sessions.calls).isEmpty();
  }

  private static void assertProblem(Reply reply, String detail) throws Exception {
    assertHardened(reply, 400);
    assertThat(reply.isProblem()).isTrue();
    assertThat(reply.json().get("detail").asText()).contains(detail);
    assertThat(reply.body().getBytes(StandardCharsets.UTF_8)).doesNotContain((byte) 0);
  }
}
