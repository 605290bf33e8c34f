package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.Polling;
import org.peaktrade.app.fixtures.NodeProcess;
import org.peaktrade.http.fixtures.TestTokens;

/**
 * {@code peak-trade node} as an OS process, stopped and started again on the same data dir: the replay goes on where
 * it had got to — 1,024 bars (the hub's subscriber buffer) behind the newest bar played, never further — instead of
 * playing the file from its first bar again, and plays those 1,024 again without pacing (the restarted node replays
 * in real time: paced, they would take 17 hours); with {@code replay.resume = false} it plays the whole file.
 */
class NodeReplayResumeIT {
  private static final int BARS = 3_000;
  private static final int REPLAYED_AGAIN = 1_024;
  private static final Instant FIRST = Instant.parse("2022-01-01T00:00:00Z");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void aRestartedNodeGoesOnWhereItsReplayHadGotToNotFromTheFirstBar() throws Exception {
    Path file = candles();
    Path data = dir.resolve("data");

    try (NodeProcess first = start(file, data, "")) {
      awaitBarsPlayed(first, BARS);
      Path position = data.resolve("market-data/replay-position");
      Polling.until("the replay position written", Duration.ofSeconds(30),
          () -> Files.exists(position) ? Files.readAllLines(position) : List.<String>of(),
          lines -> lines.equals(List.of(file.toAbsolutePath().normalize().toString(), "BTC/USD",
              openTime(BARS - REPLAYED_AGAIN - 1).toString(), openTime(BARS - 1).toString())));
      first.terminate();
    }

    int managementPort = freePort();
    try (NodeProcess second = start(file, data, "peaktrade.market-data.replay.speed = 1\n"
        + "pekko.management.http.port = " + managementPort)) {
      awaitBarsPlayed(second, REPLAYED_AGAIN);
      HttpResponse<String> ready = Polling.until("/ready", Duration.ofSeconds(30),
          () -> HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/ready"))
              .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()),
          response -> response.statusCode() == 200, response -> response.statusCode() + ": " + response.body());
      String log = second.log();

      assertThat(log).contains("market data: resuming the replay of " + file + " after "
          + openTime(BARS - REPLAYED_AGAIN - 1) + " (" + REPLAYED_AGAIN + " of " + BARS + " bars left;");
      assertThat(log).contains(BARS + " bars, 0 bad rows left out, 0 gaps, resuming with " + REPLAYED_AGAIN
          + " left, the first " + REPLAYED_AGAIN + " of them (played before the restart) unpaced");
      assertThat(ready.body()).contains("replay: " + REPLAYED_AGAIN + " bars delivered");
      second.terminate();
    }

    try (NodeProcess third = start(file, data, "peaktrade.market-data.replay.resume = false")) {
      awaitBarsPlayed(third, BARS);
      assertThat(third.log()).doesNotContain("resuming the replay");
      third.terminate();
    }
  }

  /**
   * kill -9 of a node while a session trades on its replay, then the same start command: the session loses the bars
   * it had not journaled yet with the crash, and the restarted replay plays them again unpaced before the session is
   * back; it gets them from the feed's recent bars ({@code RecentBars}) and its equity curve, one point per bar,
   * has no hole: every minute from its first bar to its last, once.
   */
  @Test
  void aSessionResumedAfterKillNineMissesNoBarOfTheReplay() throws Exception {
    Path file = candles();
    Path data = dir.resolve("data");
    String session = "peaktrade.node.demo-sessions = [ { id = \"steady\", strategy = \"ma-cross\", params { fast = 3,"
        + " slow = 8 }, symbol = \"BTC/USD\", mode = SHADOW, sizing = \"qty:0.01\", starting-cash = 10000 } ]";
    String paced = "peaktrade.market-data.replay.speed = 600\n" + session;

    try (NodeProcess first = start(file, data, paced)) {
      Polling.until("the session past 150 bars", Duration.ofSeconds(60), () -> barsSeen(first), seen -> seen > 150);
      assertThat(first.killDashNine()).isEqualTo(128 + 9);
    }
    try (NodeProcess second = start(file, data, paced)) {
      long after = Polling.until("the session past 300 bars", Duration.ofSeconds(90), () -> barsSeen(second),
          seen -> seen > 300);
      List<Instant> points = new ArrayList<>();
      JSON.readTree(second.getFromRoot("/api/v1/sessions/steady/equity").body()).get("equity")
          .forEach(point -> points.add(Instant.parse(point.get("time").asText())));

      assertThat(points).hasSizeGreaterThanOrEqualTo((int) after);
      for (int i = 1; i < points.size(); i++) {
        assertThat(Duration.between(points.get(i - 1), points.get(i))).as("from point " + (i - 1) + " to " + i)
            .isEqualTo(Duration.ofMinutes(1));
      }
      second.terminate();
    }
  }

  private static long barsSeen(NodeProcess node) throws Exception {
    HttpResponse<String> answer = node.getFromRoot("/api/v1/sessions/steady");
    return answer.statusCode() == 200 ? JSON.readTree(answer.body()).get("barsSeen").asLong() : -1;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private NodeProcess start(Path file, Path data, String extra) throws Exception {
    Path conf = Files.writeString(dir.resolve("node-" + System.nanoTime() + ".conf"), String.join("\n",
        "peaktrade.market-data.replay.file = \"" + file + "\"",
        "peaktrade.market-data.replay.speed = max",
        "peaktrade.node.demo-sessions = []",
        TestTokens.config(),
        extra));
    return NodeProcess.start(dir.resolve("node-" + System.nanoTime() + ".log"), Map.of(), "--config",
        conf.toString(), "--data-dir", data.toString());
  }

  /** Waits until the node's replay feed has delivered exactly {@code bars} bars (and no more). */
  private static void awaitBarsPlayed(NodeProcess node, int bars) throws Exception {
    Polling.until(bars + " bars played", Duration.ofSeconds(60), () -> node.getFromRoot("/metrics").body(),
        text -> text.contains("peaktrade_feed_bars_accepted_total{feed=\"replay\"} " + bars + ".0"));
  }

  private Path candles() throws IOException {
    List<String> rows = new ArrayList<>(List.of("timestamp_ms,open,high,low,close,volume"));
    for (int i = 0; i < BARS; i++) {
      long price = 40_000 + (i % 50);
      rows.add(openTime(i).toEpochMilli() + "," + price + "," + (price + 5) + "," + (price - 5) + "," + price + ",10");
    }
    return Files.write(dir.resolve("candles.csv"), rows);
  }

  private static Instant openTime(int index) {
    return FIRST.plus(Duration.ofMinutes(index));
  }
}
