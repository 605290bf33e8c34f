package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.peaktrade.engine.session.RunLogEntry;
import org.peaktrade.engine.session.RunLogJson;
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
   * kill -9 of a node while a PAPER session trades on its replay, then a start on the same data dir (the rest of
   * the file faster): the session loses the bars it had not journaled yet with the crash, and the restarted replay
   * plays them again unpaced before the session is back; it gets them from the feed's recent bars
   * ({@code RecentBars}). Its equity curve, one point per bar, has no hole (every minute from its first bar to its
   * last, once), and it ends exactly as the same session in a node that ran the whole file without interruption:
   * orders, fills, ledger and the run log's orders and fills.
   */
  @Test
  void aSessionResumedAfterKillNineEndsAsAnUninterruptedOne() throws Exception {
    Path file = candles();
    Path data = dir.resolve("data");
    String session = "peaktrade.node.demo-sessions = [ { id = \"steady\", strategy = \"ma-cross\", params { fast = 3,"
        + " slow = 8 }, symbol = \"BTC/USD\", mode = PAPER, sizing = \"qty:0.01\", starting-cash = 10000 } ]";

    // Paced so that the session keeps up (an unpaced replay outruns a session's buffer and the session skips bars).
    String paced = "peaktrade.market-data.replay.speed = 20000\n" + session;
    try (NodeProcess first = start(file, data, "peaktrade.market-data.replay.speed = 3000\n" + session)) {
      Polling.until("the session past 150 bars", Duration.ofSeconds(60), () -> barsSeen(first), seen -> seen > 150);
      assertThat(first.killDashNine()).isEqualTo(128 + 9);
    }
    Ended resumed;
    try (NodeProcess second = start(file, data, paced)) {
      resumed = ended(second, data);
      List<Instant> points = new ArrayList<>();
      JSON.readTree(second.getFromRoot("/api/v1/sessions/steady/equity").body()).get("equity")
          .forEach(point -> points.add(Instant.parse(point.get("time").asText())));
      assertThat(points).hasSize(BARS);
      for (int i = 1; i < points.size(); i++) {
        assertThat(Duration.between(points.get(i - 1), points.get(i))).as("from point " + (i - 1) + " to " + i)
            .isEqualTo(Duration.ofMinutes(1));
      }
      second.terminate();
    }
    Ended uninterrupted;
    Path fresh = dir.resolve("uninterrupted");
    try (NodeProcess whole = start(file, fresh, paced)) {
      uninterrupted = ended(whole, fresh);
      whole.terminate();
    }

    assertThat(resumed.orders()).as("orders").isNotEmpty().isEqualTo(uninterrupted.orders());
    assertThat(resumed.fills()).as("fills").isNotEmpty().isEqualTo(uninterrupted.fills());
    assertThat(resumed.ledger()).as("ledger").isEqualTo(uninterrupted.ledger());
    assertThat(resumed.runLog()).as("run log's orders and fills").isEqualTo(uninterrupted.runLog());
  }

  /** What a session shows once it has processed the whole file. */
  private record Ended(JsonNode orders, JsonNode fills, List<String> ledger, List<String> runLog) {}

  private static Ended ended(NodeProcess node, Path data) throws Exception {
    Polling.until("the session through the whole file", Duration.ofSeconds(120), () -> barsSeen(node),
        seen -> seen == BARS);
    JsonNode view = JSON.readTree(node.getFromRoot("/api/v1/sessions/steady").body());
    List<String> ledger = List.of("cash " + view.get("cash"), "equity " + view.get("equity"),
        "fees " + view.get("fees"), "realizedPnl " + view.get("realizedPnl"), "position " + view.get("position"));
    JsonNode orders = JSON.readTree(node.getFromRoot("/api/v1/sessions/steady/orders").body()).get("orders");
    orders.forEach(order -> ((ObjectNode) order).remove("updatedAt"));
    JsonNode fills = JSON.readTree(node.getFromRoot("/api/v1/sessions/steady/fills").body()).get("fills");
    List<String> runLog = Files.readAllLines(data.resolve("sessions/steady/run-log.jsonl")).stream()
        .map(RunLogJson::parse)
        .map(entry -> entry instanceof RunLogEntry.OrderEntry order ? "order " + order.orderId().value()
            : entry instanceof RunLogEntry.FillEntry fill ? "fill " + fill.orderId().value() + " " + fill.quantity()
                + " @ " + fill.price() + " fee " + fill.fee()
            : "")
        .filter(line -> !line.isEmpty()).toList();
    return new Ended(orders, fills, ledger, runLog);
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
