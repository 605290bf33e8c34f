package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.Polling;
import org.peaktrade.app.fixtures.NodeProcess;
import org.peaktrade.http.fixtures.TestTokens;

/**
 * {@code peak-trade node} as an OS process: a typo in its config stops it at once, with exit code 2 and the
 * message on stderr, before it binds a port or creates its data dir; safety controls turned off are named in its
 * start banner, its log and {@code /ready}, which stays ready.
 */
class StrictConfigIT {
  private static final Duration PROMPTLY = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @TempDir
  Path dir;

  @Test
  void aMisspeltTwoPersonRuleStopsTheNodeProcessPromptlyBeforeItBindsItsPorts() throws Exception {
    Path typo = Files.writeString(dir.resolve("typo.conf"), "peaktrade.kill-switch {\n  two-persn-rule = true\n}\n");
    Path dataDir = dir.resolve("data");
    int httpPort = freePort();
    int managementPort = freePort();
    Path out = dir.resolve("stdout.log");
    Path err = dir.resolve("stderr.log");
    Process process = new ProcessBuilder(NodeProcess.java(), "-jar", NodeProcess.jar().toString(), "node",
        "--config", typo.toString(), "--data-dir", dataDir.toString(), "--http-port", String.valueOf(httpPort),
        "--management-port", String.valueOf(managementPort))
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      assertThat(process.waitFor(PROMPTLY.toSeconds(), TimeUnit.SECONDS)).as("exited within " + PROMPTLY).isTrue();

      assertThat(process.exitValue()).isEqualTo(ExitCodes.USAGE);
      assertThat(Files.readString(err)).contains("peak-trade: invalid node configuration: 1 unknown key under "
          + "peaktrade").contains("peaktrade.kill-switch.two-persn-rule (" + typo + ":2): unknown key; "
          + "did you mean peaktrade.kill-switch.two-person-rule?");
      assertThat(Files.readString(out)).doesNotContain("Peak Trade node running");
      assertThat(Files.readString(err)).as("the log (stderr) shows no actor system, no health endpoints, no API")
          .contains("starting node").doesNotContain("Slf4jLogger started").doesNotContain("health endpoints on")
          .doesNotContain("listening");
      assertThat(dataDir).as("nothing started: not even the data dir").doesNotExist();
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void safetyControlsTurnedOffAreNamedInTheBannerTheLogAndReadinessWhichStaysReady() throws Exception {
    int managementPort = freePort();
    Path conf = Files.writeString(dir.resolve("off.conf"), String.join("\n",
        "peaktrade.kill-switch {",
        "  approval-code-required = false",
        "  two-person-rule = false",
        "}",
        "peaktrade.market-data.replay.file = \"" + CliRun.demo("btc-perp-1m-2022-01.csv") + "\"",
        "peaktrade.node.demo-sessions = []",
        "pekko.management.http.port = " + managementPort,
        TestTokens.config()));
    try (NodeProcess node = NodeProcess.start(dir.resolve("node.log"), Map.of(), "--config", conf.toString(),
        "--data-dir", dir.resolve("data").toString())) {
      HttpResponse<String> ready = Polling.until("/ready", Duration.ofSeconds(30),
          () -> HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/ready"))
              .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()),
          response -> response.statusCode() == 200, response -> response.statusCode() + ": " + response.body());
      JsonNode body = JSON.readTree(ready.body());
      String log = node.log();

      assertThat(body.get("status").asText()).isEqualTo("ready");
      assertThat(body.get("warnings").findValuesAsText("name"))
          .containsExactly("approval-code-not-required", "two-person-rule-off");
      assertThat(body.get("checks").findValuesAsText("name"))
          .containsExactly("node-started", "journal-writable", "kill-switch-view-fresh", "market-data-feed");
      assertThat(log).contains("  WARNING:       safety control off: approval-code-not-required: "
          + "peaktrade.kill-switch.approval-code-required = false")
          .contains("  WARNING:       safety control off: two-person-rule-off: "
              + "peaktrade.kill-switch.two-person-rule = false");
      assertThat(log.lines().filter(line -> line.contains("WARN") && line.contains("SAFETY CONTROL OFF")).toList())
          .hasSize(2);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
