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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.Polling;
import org.peaktrade.app.fixtures.NodeProcess;
import org.peaktrade.http.fixtures.TestTokens;

/**
 * {@code peak-trade node} as an OS process on a replay file with bad rows: the node reads and checks the file before it
 * starts anything. With {@code bad-rows = fail} (the default) it exits with code 3 naming each bad row as
 * {@code path:line: reason}; with {@code skip} it leaves them out, logs each, reports the count in its banner,
 * {@code /ready} and metrics, and plays the other bars; a file whose rows are all bad never starts a node.
 */
class NodeReplayFileIT {
  private static final Duration PROMPTLY = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final String HEADER = "timestamp_ms,open,high,low,close,volume";
  /** Ten good one-minute bars with a malformed row (line 4), a duplicate (line 6) and a missing minute (line 8). */
  private static final List<String> ROWS = List.of(HEADER,
      "1640991660000,46319.0,46385.0,46319.0,46377.0,10",
      "1640991720000,46377.0,46411.0,46377.0,46411.0,10",
      "1640991780000,46411.0,46420.0,46400.0,NaN,10",
      "1640991780000,46411.0,46420.0,46400.0,46410.0,10",
      "1640991780000,46411.0,46420.0,46400.0,46410.0,10",
      "1640991840000,46410.0,46430.0,46405.0,46425.0,10",
      "1640991960000,46425.0,46440.0,46420.0,46430.0,10",
      "1640992020000,46430.0,46450.0,46425.0,46445.0,10",
      "1640992080000,46445.0,46460.0,46440.0,46455.0,10",
      "1640992140000,46455.0,46470.0,46450.0,46465.0,10",
      "1640992200000,46465.0,46480.0,46460.0,46475.0,10",
      "1640992260000,46475.0,46490.0,46470.0,46485.0,10");
  private static final int GOOD_BARS = 10;

  @TempDir
  Path dir;

  @Test
  void badRowsStopTheStartByDefaultWithExitCode3NamingEachRowBeforeAnyPortIsBound() throws Exception {
    Path file = Files.write(dir.resolve("bad.csv"), ROWS);
    Path conf = config(file, "", freePort());

    Ended run = runUntilExit(conf);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains(String.join("\n",
        "peak-trade: the node did not start: cannot replay peaktrade.market-data.replay.file: " + file
            + ": 2 bad rows:",
        "  " + file + ":4: column 'close' is not a finite decimal number: 'NaN'",
        "  " + file + ":6: duplicate timestamp 2021-12-31T23:03:00Z (also on line 5)",
        "Fix those rows, or leave bad rows out with peaktrade.market-data.replay.bad-rows = skip."));
    assertThat(run.out()).doesNotContain("Peak Trade node running");
    assertThat(run.err()).as("no health endpoints, no API").doesNotContain("health endpoints on")
        .doesNotContain("market data: replaying");
  }

  @Test
  void aFileWhoseRowsAreAllBadNeverStartsANodeEvenWhenSkipping() throws Exception {
    Path file = Files.write(dir.resolve("garbage.csv"), List.of(HEADER, "not,a,row", "1640991660000,1,2,3"));
    Path conf = config(file, "peaktrade.market-data.replay.bad-rows = skip", freePort());

    Ended run = runUntilExit(conf);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("peak-trade: the node did not start: cannot replay "
        + "peaktrade.market-data.replay.file: " + file + ": contains no usable bars; 2 rows are bad, the first on "
        + "line 2: expected 6 fields as in the header but found 3");
  }

  @Test
  void skippedRowsAreLoggedCountedAndLeftOutWhileTheOtherBarsFlowAndTheNodeIsReady() throws Exception {
    Path file = Files.write(dir.resolve("bad.csv"), ROWS);
    int managementPort = freePort();
    Path conf = config(file, "peaktrade.market-data.replay.bad-rows = skip", managementPort);

    try (NodeProcess node = NodeProcess.start(dir.resolve("node.log"), Map.of(), "--config", conf.toString(),
        "--data-dir", dir.resolve("data").toString())) {
      String metrics = Polling.until("every good bar played", Duration.ofSeconds(30),
          () -> node.getFromRoot("/metrics").body(),
          text -> text.contains("peaktrade_feed_bars_accepted_total{feed=\"replay\"} " + GOOD_BARS + ".0"));
      HttpResponse<String> ready = Polling.until("/ready", Duration.ofSeconds(30),
          () -> HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/ready"))
              .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()),
          response -> response.statusCode() == 200, response -> response.statusCode() + ": " + response.body());
      String log = node.log();

      assertThat(feedCheck(ready.body())).isEqualTo(
          "replay: " + GOOD_BARS + " bars delivered, 2 bad rows left out at start");
      assertThat(metrics).contains("peaktrade_feed_rows_skipped_total{feed=\"replay\"} 2.0")
          .contains("peaktrade_feed_gaps_total{feed=\"replay\"} 1.0")
          .contains("peaktrade_feed_failed{feed=\"replay\"} 0.0");
      assertThat(log).contains("market data: " + file + ": 2 bad rows left out "
              + "(peaktrade.market-data.replay.bad-rows = skip):")
          .contains("market data:   " + file + ":4: column 'close' is not a finite decimal number: 'NaN'")
          .contains("market data:   " + file + ":6: duplicate timestamp 2021-12-31T23:03:00Z (also on line 5)")
          .contains("market data:   " + file + ":8: gap: no bar from 2021-12-31T23:05:00Z to 2021-12-31T23:06:00Z "
              + "(1 missing 1m bar)")
          .contains("  market data:   replaying " + file + " (BTC/USD) at 600.0x real time: " + GOOD_BARS
              + " bars, 2 bad rows left out, 1 gap");

      node.terminate();

      assertThat(node.log()).as("stopping the node is no failure of its feed").doesNotContain("failed and plays");
    }
  }

  private Path config(Path replayFile, String extra, int managementPort) throws IOException {
    return Files.writeString(dir.resolve("node.conf"), String.join("\n",
        "peaktrade.market-data.replay.file = \"" + replayFile + "\"",
        "peaktrade.market-data.replay.speed = 600",
        extra,
        "peaktrade.node.demo-sessions = []",
        "pekko.management.http.port = " + managementPort,
        TestTokens.config()));
  }

  private record Ended(int exitCode, String out, String err) {}

  /** Runs {@code node} with {@code conf} on free ports and waits (boundedly) for it to exit by itself. */
  private Ended runUntilExit(Path conf) throws Exception {
    Path out = dir.resolve("stdout.log");
    Path err = dir.resolve("stderr.log");
    List<String> command = new ArrayList<>(List.of(NodeProcess.java(), "-jar", NodeProcess.jar().toString(), "node",
        "--config", conf.toString(), "--data-dir", dir.resolve("data").toString(),
        "--http-port", String.valueOf(freePort())));
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      assertThat(process.waitFor(PROMPTLY.toSeconds(), TimeUnit.SECONDS)).as("exited within " + PROMPTLY).isTrue();
      return new Ended(process.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      process.destroyForcibly();
    }
  }

  private static String feedCheck(String readiness) throws IOException {
    for (JsonNode check : JSON.readTree(readiness).get("checks")) {
      if (check.get("name").asText().equals("market-data-feed")) {
        return check.get("detail").asText();
      }
    }
    throw new AssertionError("no market-data-feed check in " + readiness);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
