package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.Polling;
import org.peaktrade.app.fixtures.NodeProcess;
import org.peaktrade.engine.killswitch.ApprovalCodeHash;
import org.peaktrade.http.ApiJson;

/**
 * A full disk for real: the node's data dir is a small tmpfs of its own ({@code mount -t tmpfs}, as root; skipped
 * through an assumption where mounting is not permitted), a filler file takes its last byte, and the embedded journal
 * fails the write (SQLite cannot commit it and rolls it back) instead of acknowledging it. Once the filler is deleted the node records kills again
 * and turns ready again by itself, without a restart.
 */
class FullDiskIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @TempDir
  Path dir;

  private Path disk;
  private boolean mounted;
  private NodeProcess node;

  @BeforeEach
  void mountASmallDisk() throws Exception {
    disk = Files.createDirectories(dir.resolve("disk"));
    Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", disk.toString())
        .redirectErrorStream(true).start();
    String output = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    mounted = mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0;
    assumeTrue(mounted, "cannot mount a tmpfs for the data dir (needs root or CAP_SYS_ADMIN): " + output);
  }

  @AfterEach
  void unmount() throws Exception {
    if (node != null) {
      node.close();
    }
    if (mounted) {
      Process umount = new ProcessBuilder("umount", disk.toString()).redirectErrorStream(true).start();
      String output = new String(umount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(umount.waitFor(30, TimeUnit.SECONDS) && umount.exitValue() == 0).as(output).isTrue();
    }
  }

  @Test
  void aFullDiskRefusesKillsWithoutAcknowledgingThemAndKillsAreRecordedAgainWithoutARestartOnceThereIsSpace()
      throws Exception {
    int managementPort = freePort();
    Path config = NodeFixtures.configWithTokens(dir, ApprovalCodeHash.create("disk code".toCharArray()), "300s");
    Files.writeString(config, "pekko.management.http.port = " + managementPort + "\n", StandardOpenOption.APPEND);
    node = NodeProcess.start(dir.resolve("node.log"), Map.of(), "--data-dir", disk.toString(),
        "--config", config.toString());
    URI ready = URI.create("http://127.0.0.1:" + managementPort + "/ready");
    // Ready includes journal-writable: a probe event written through the journal on the small disk.
    Polling.until("ready before the disk fills", WAIT, () -> get(ready).statusCode() == 200);

    Path filler = disk.resolve("filler");
    long filled = fill(filler);
    HttpResponse<String> duringFullDisk = node.post("/trigger", "{\"reason\":\"disk full\"}");
    HttpResponse<String> notReady = Polling.until("not ready while the disk is full", WAIT, () -> get(ready),
        response -> response.statusCode() == 500);
    JsonNode statusDuringFullDisk = ApiJson.MAPPER.readTree(node.get("").body());

    Files.delete(filler);
    long freed = System.nanoTime();
    HttpResponse<String> afterSpace = Polling.until("a kill recorded once there is space", WAIT,
        () -> node.post("/trigger", "{\"reason\":\"disk has space again\"}"),
        response -> response.statusCode() == 200);
    long recordedAfterMillis = (System.nanoTime() - freed) / 1_000_000;
    HttpResponse<String> readyAgain = Polling.until("ready again", WAIT, () -> get(ready),
        response -> response.statusCode() == 200);
    JsonNode events = ApiJson.MAPPER.readTree(node.get("/events?limit=1000").body()).get("events");
    System.out.printf("full disk: filler %d bytes; kill during it answered %d; recorded %d ms after the filler was"
        + " deleted; ready again%n", filled, duringFullDisk.statusCode(), recordedAfterMillis);

    assertThat(duringFullDisk.statusCode()).as(duringFullDisk.body()).isGreaterThanOrEqualTo(500);
    assertThat(notReady.body()).contains("journal-writable");
    assertThat(node.log()).as("the journal refused the write itself")
        .contains("Failed to persist event type [org.peaktrade.protocol.killswitch.KillSwitchEvent$Triggered]");
    assertThat(statusDuringFullDisk.get("state").asText()).isEqualTo("ACTIVE");
    JsonNode recorded = ApiJson.MAPPER.readTree(afterSpace.body()).get("status");
    assertThat(recorded.get("state").asText()).isEqualTo("KILLED");
    assertThat(recorded.get("reason").asText()).isEqualTo("disk has space again");
    assertThat(events).hasSize(1);
    assertThat(events.get(0).get("event").get("reason").asText()).isEqualTo("disk has space again");
    assertThat(readyAgain.statusCode()).isEqualTo(200);
    assertThat(node.awaitExit(Duration.ZERO)).as("the node kept running").isEmpty();
  }

  /** Writes zeros to {@code file} until the disk refuses another byte; returns how many were written. */
  private static long fill(Path file) throws IOException {
    long written = 0;
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int chunk : new int[] {1 << 20, 4096, 1}) {
        byte[] zeros = new byte[chunk];
        try {
          while (true) {
            out.write(zeros);
            out.flush();
            written += chunk;
          }
        } catch (IOException noSpaceLeft) {
          // the next, smaller chunk takes what is left
        }
      }
    } catch (IOException closingOnAFullDisk) {
      // the stream's close may fail too; the bytes written are on the disk
    }
    return written;
  }

  private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
