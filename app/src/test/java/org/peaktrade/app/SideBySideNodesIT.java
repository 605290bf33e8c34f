package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.app.fixtures.ApprovalCodes;
import org.peaktrade.app.node.Node;
import org.peaktrade.app.node.NodeConfig;
import org.peaktrade.http.fixtures.TestTokens;

/** Two nodes on one machine, each with its own data dir and port, share nothing: a kill on one leaves the other. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SideBySideNodesIT {

  @TempDir
  static Path dir;

  private Node first;
  private Node second;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void startTwoNodes() throws Exception {
    Path conf = NodeFixtures.configWithTokens(dir, ApprovalCodes.hash("side by side"), "300s");
    first = Node.start(NodeConfig.load(Optional.of(conf), Optional.of(dir.resolve("one")), Optional.of("127.0.0.1"),
        Optional.of(0)), Clock.systemUTC());
    second = Node.start(NodeConfig.load(Optional.of(conf), Optional.of(dir.resolve("two")), Optional.of("127.0.0.1"),
        Optional.of(0)), Clock.systemUTC());
  }

  @AfterAll
  void stopThem() {
    first.stop();
    second.stop();
  }

  @Test
  void eachNodeHasItsOwnPortDataDirAndKillSwitch() throws Exception {
    assertThat(first.url().getPort()).isNotEqualTo(second.url().getPort());
    assertThat(first.dataDir()).isNotEqualTo(second.dataDir());

    HttpResponse<String> kill = http.send(HttpRequest.newBuilder(URI.create(first.url() + "/api/v1/kill-switch/trigger"))
        .header("Content-Type", "application/json").header("Authorization", TestTokens.bearer(TestTokens.ALICE))
        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"only the first\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(kill.statusCode()).as(kill.body()).isEqualTo(200);

    assertThat(status(first)).contains("\"state\":\"KILLED\"");
    assertThat(status(second)).contains("\"state\":\"ACTIVE\"");
  }

  private String status(Node node) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(node.url() + "/api/v1/kill-switch"))
        .header("Authorization", TestTokens.bearer(TestTokens.VIC)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }
}
