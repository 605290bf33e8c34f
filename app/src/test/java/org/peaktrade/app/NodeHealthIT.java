package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.Polling;
import org.peaktrade.app.fixtures.ApprovalCodes;
import org.peaktrade.app.node.Node;
import org.peaktrade.app.node.NodeConfig;
import org.peaktrade.http.fixtures.TestTokens;

/**
 * The health endpoints of a running node (Pekko Management, own port): alive while the actor system answers; ready
 * only while the embedded journal takes writes and the node's kill-switch view is fresh. The journal outage is real:
 * a SQLite connection of the test holds an exclusive transaction on the journal file, which holds every write of the
 * node's connections until it is rolled back. (A full disk is drilled in {@code FullDiskIT}.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeHealthIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir
  static Path dir;

  private Node node;
  private String journalUrl;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start() throws Exception {
    Path conf = NodeFixtures.configWithTokens(dir, ApprovalCodes.hash("health code"), "300s");
    Config config = NodeConfig.load(Optional.of(conf), Optional.of(dir.resolve("data")), Optional.of("127.0.0.1"),
        Optional.of(0));
    journalUrl = config.getString("pekko-persistence-jdbc.shared-databases.slick.db.url");
    node = Node.start(config, Clock.systemUTC());
  }

  @AfterAll
  void stop() {
    node.stop();
  }

  @Test
  void aRunningNodeIsAliveAndReadyOnItsManagementPort() throws Exception {
    assertThat(node.managementUrl().getHost()).isEqualTo("127.0.0.1");
    assertThat(node.managementUrl().getPort()).isNotEqualTo(node.url().getPort());

    assertThat(eventually("/ready", response -> response.statusCode() == 200).statusCode()).isEqualTo(200);
    assertThat(get("/alive").statusCode()).isEqualTo(200);
  }

  @Test
  void readinessFailsWhileTheJournalHoldsWritesAndRecoversAfterwards() throws Exception {
    eventually("/ready", response -> response.statusCode() == 200);
    try (Connection exclusive = DriverManager.getConnection(journalUrl);
        Statement statement = exclusive.createStatement()) {
      statement.execute("BEGIN EXCLUSIVE");

      HttpResponse<String> notReady = eventually("/ready", response -> response.statusCode() != 200);
      CompletableFuture<HttpResponse<String>> killDuringOutage = http.sendAsync(
          HttpRequest.newBuilder(URI.create(node.url() + "/api/v1/kill-switch/trigger"))
              .header("Content-Type", "application/json").header("Authorization", TestTokens.bearer(TestTokens.ALICE))
              .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"outage drill\"}"))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      int killAnswer = killDuringOutage.get().statusCode();
      String freshActive = "{\"name\":\"kill-switch-view-fresh\",\"passed\":true,\"detail\":\"global ACTIVE";
      HttpResponse<String> afterRefusedKill = eventually("/ready",
          response -> response.statusCode() != 200 && response.body().contains(freshActive));

      assertThat(notReady.statusCode()).isEqualTo(500);
      assertThat(notReady.body()).contains("journal-writable").contains("no answer within");
      assertThat(get("/alive").statusCode()).isEqualTo(200);
      assertThat(killAnswer).as(killDuringOutage.get().body()).isGreaterThanOrEqualTo(500);
      // The kill was refused, not acknowledged, so the switch is still known to be ACTIVE: the journal's busy timeout
      // fails the write, the switch restarts, recovers from the readable journal and answers again, and the gate's
      // view of it stays fresh; readiness fails on the journal alone.
      assertThat(afterRefusedKill.statusCode()).isEqualTo(500);
      assertThat(afterRefusedKill.body()).contains("\"failed\":\"journal-writable");

      statement.execute("ROLLBACK");
    }

    assertThat(eventually("/ready", response -> response.statusCode() == 200).statusCode()).isEqualTo(200);
  }

  @Test
  void aNodeWhoseManagementPortIsTakenDoesNotStartAndNamesThePort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Path other = Files.createDirectories(dir.resolve("other"));
      Path conf = NodeFixtures.config(other, ApprovalCodes.hash("health code"), "300s");
      Files.writeString(conf, "pekko.management.http.port = " + taken.getLocalPort() + "\n",
          StandardOpenOption.APPEND);
      Config config = NodeConfig.load(Optional.of(conf), Optional.of(other.resolve("data")),
          Optional.of("127.0.0.1"), Optional.of(0));

      assertThatThrownBy(() -> Node.start(config, Clock.systemUTC())).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("cannot serve the health endpoints on 127.0.0.1:" + taken.getLocalPort())
          .hasMessageContaining("pekko.management.http.port");
    }
  }

  private HttpResponse<String> eventually(String path, Predicate<HttpResponse<String>> condition) throws Exception {
    return Polling.until(path, WAIT, () -> get(path), condition,
        response -> response.statusCode() + ": " + response.body());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(node.managementUrl() + path)).timeout(Duration.ofSeconds(10))
        .build(), HttpResponse.BodyHandlers.ofString());
  }
}
