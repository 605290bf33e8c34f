package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.app.fixtures.ApprovalCodes;
import org.peaktrade.http.ApiJson;
import org.peaktrade.http.fixtures.TestTokens;

/**
 * The kill switch survives {@code kill -9}: the runnable jar is started as a real OS process on a data dir, driven
 * over HTTP and the CLI, killed with SIGKILL ({@link Process#destroyForcibly()}), and started again on the same data
 * dir. Runs in the integration-test phase, after {@code app/target/peak-trade.jar} has been built.
 */
class KillSwitchProcessRestartIT {

  private static final String CODE = "it-approval-code-42";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

  @TempDir
  Path dir;

  private final List<Process> processes = new ArrayList<>();
  private Process node;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Path dataDir;
  private Path config;

  @BeforeEach
  void writeConfig() throws Exception {
    dataDir = dir.resolve("data");
    config = NodeFixtures.configWithTokens(dir, ApprovalCodes.hash(CODE), "300s");
  }

  @AfterEach
  void killLeftovers() throws InterruptedException {
    for (Process process : processes) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void a_recovering_switch_keeps_its_cooldown_and_audit_trail_across_kill_9() throws Exception {
    String url = startNode("first");
    assertThat(post(url, "/trigger", "{\"identity\":\"alice\",\"reason\":\"restart drill\"}").statusCode())
        .isEqualTo(200);
    CliResult recover = cli(Map.of("PEAKTRADE_APPROVAL_CODE", CODE, "PEAKTRADE_TOKEN", TestTokens.BOB.token()), "recover",
        "--approver", "bob", "--url", url);
    assertThat(recover.exitCode()).as(recover.output()).isZero();
    JsonNode before = status(url);
    JsonNode eventsBefore = events(url);
    assertThat(before.get("state").asText()).isEqualTo("RECOVERING");
    Instant cooldownEndsAt = Instant.parse(before.get("cooldownEndsAt").asText());

    killDashNine();
    String restarted = startNode("second");

    JsonNode after = status(restarted);
    assertThat(after.get("state").asText()).isEqualTo("RECOVERING");
    assertThat(Instant.parse(after.get("cooldownEndsAt").asText())).isEqualTo(cooldownEndsAt);
    assertThat(after.get("recoveryRequestedBy").asText()).isEqualTo("bob");
    assertThat(after.get("revision").asLong()).isEqualTo(before.get("revision").asLong());
    assertThat(events(restarted)).isEqualTo(eventsBefore);
    assertThat(eventTypes(eventsBefore)).containsSubsequence("triggered", "recovery-requested");
    assertThat(Files.readString(dir.resolve("first.log"))).doesNotContain(CODE);
  }

  @Test
  void a_killed_switch_is_still_killed_after_kill_9() throws Exception {
    String url = startNode("first");
    post(url, "/trigger", "{\"identity\":\"alice\",\"reason\":\"survive this\"}");
    JsonNode before = status(url);

    killDashNine();
    String restarted = startNode("second");

    JsonNode after = status(restarted);
    assertThat(after.get("state").asText()).isEqualTo("KILLED");
    assertThat(after.get("reason").asText()).isEqualTo("survive this");
    assertThat(after.get("triggeredBy").asText()).isEqualTo("alice");
    assertThat(after.get("since")).isEqualTo(before.get("since"));
  }

  private String startNode(String name) throws Exception {
    int port = freePort();
    Path log = dir.resolve(name + ".log");
    Process process = new ProcessBuilder(java(), "-jar", jar().toString(), "node", "--data-dir", dataDir.toString(),
        "--http-port", String.valueOf(port), "--config", config.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    processes.add(process);
    node = process;
    String url = "http://127.0.0.1:" + port;
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (process.waitFor(250, TimeUnit.MILLISECONDS)) {
        fail("the node exited with " + process.exitValue() + " before it was ready:\n" + Files.readString(log));
      }
      if (answers(url)) {
        return url;
      }
    }
    return fail("the node was not ready within " + READY_TIMEOUT + ":\n" + Files.readString(log));
  }

  private void killDashNine() throws InterruptedException {
    node.destroyForcibly();
    assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(node.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
  }

  private boolean answers(String url) {
    try {
      return get(url, "").statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private JsonNode status(String url) throws Exception {
    HttpResponse<String> response = get(url, "");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return ApiJson.MAPPER.readTree(response.body());
  }

  private JsonNode events(String url) throws Exception {
    HttpResponse<String> response = get(url, "/events?limit=1000");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return ApiJson.MAPPER.readTree(response.body()).get("events");
  }

  private static List<String> eventTypes(JsonNode events) {
    List<String> types = new ArrayList<>();
    events.forEach(e -> types.add(e.get("event").get("type").asText()));
    return types;
  }

  private HttpResponse<String> get(String url, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/kill-switch" + path))
        .header("Authorization", TestTokens.bearer(TestTokens.VIC))
        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String url, String path, String body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/kill-switch" + path))
        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
        .header("Authorization", TestTokens.bearer(TestTokens.ALICE))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private CliResult cli(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(java(), "-jar", jar().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    processes.add(process);
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new CliResult(process.exitValue(), output);
  }

  private record CliResult(int exitCode, String output) {}

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static Path jar() {
    Path jar = Path.of(System.getProperty("peak-trade.jar", "target/peak-trade.jar"));
    assertThat(jar).as("the runnable jar (built in the package phase)").exists();
    return jar;
  }
}
