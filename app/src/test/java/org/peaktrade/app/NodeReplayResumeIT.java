package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;

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

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private NodeProcess start(Path file, Path data, String extra) throws Exception {
    Path conf = Files.writeString(dir.resolve("node-" + System.nanoTime() + ".conf"), String.join("\n",
        "peaktrade.market-data.replay.file = \"" + file + "\"",
        "peaktrade.market-data.replay.speed = max",
        extra,
        "peaktrade.node.demo-sessions = []",
        TestTokens.config()));
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
