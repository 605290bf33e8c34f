package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.app.fixtures.HeadlessChromium;
import org.peaktrade.app.node.Node;
import org.peaktrade.app.node.NodeConfig;
import org.peaktrade.engine.killswitch.ApprovalCodeHash;

/**
 * The operator dashboard in a real headless Chromium against a real node (embedded journal, HTTP on loopback): the
 * page shows the kill switch live, kills through its guarded button, and walks the recovery flow; the API agrees.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {
  private static final String CODE = "dashboard approval code";
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dir;

  private Node node;
  private HeadlessChromium browser;

  @BeforeAll
  void start() throws Exception {
    Path conf = NodeFixtures.config(dir, ApprovalCodeHash.create(CODE.toCharArray()), "1s");
    node = Node.start(NodeConfig.load(Optional.of(conf), Optional.of(dir.resolve("data")), Optional.of("127.0.0.1"),
        Optional.of(0)), Clock.systemUTC());
    browser = HeadlessChromium.launch();
  }

  @AfterAll
  void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    node.stop();
  }

  @Test
  @Order(1)
  void anOperatorKillsFromThePageAndRecoversWithTheCodeAfterTheCooldown() throws Exception {
    browser.navigate(node.url() + "/");
    browser.waitFor("document.getElementById('ks-state').textContent === 'ACTIVE'", WAIT);
    browser.waitFor("document.getElementById('connection').textContent === 'live'", WAIT);

    browser.type("kill-identity", "alice");
    browser.type("kill-reason", "dashboard drill");
    assertThat(browser.evaluate("document.getElementById('kill-button').disabled").asBoolean())
        .as("the kill button stays disabled until armed").isTrue();
    browser.click("kill-armed");
    assertThat(browser.evaluate("document.getElementById('kill-button').disabled").asBoolean()).isFalse();
    browser.click("kill-button");

    browser.waitFor("document.getElementById('ks-state').textContent === 'KILLED'", WAIT);
    assertThat(apiState()).isEqualTo("KILLED");
    assertThat(browser.text("ks-detail")).contains("dashboard drill").contains("alice");
    browser.waitFor("document.getElementById('alerts-list').textContent.includes('triggered')", WAIT);

    browser.type("recovery-approver", "bob");
    browser.type("recovery-code", "not the code");
    browser.click("recovery-button");
    browser.waitFor("document.getElementById('ks-message').className === 'error'", WAIT);
    assertThat(apiState()).isEqualTo("KILLED");

    browser.type("recovery-approver", "bob");
    browser.type("recovery-code", CODE);
    browser.click("recovery-button");
    browser.waitFor("document.getElementById('ks-state').textContent === 'RECOVERING'", WAIT);
    assertThat(apiState()).isEqualTo("RECOVERING");

    Thread.sleep(1_200);
    browser.type("complete-identity", "carol");
    browser.click("complete-button");
    browser.waitFor("document.getElementById('ks-state').textContent === 'ACTIVE'", WAIT);
    assertThat(apiState()).isEqualTo("ACTIVE");
  }

  @Test
  @Order(2)
  void aKillThroughTheApiShowsUpOnAnOpenPageWithoutReloading() throws Exception {
    browser.navigate(node.url() + "/dashboard/");
    browser.waitFor("document.getElementById('connection').textContent === 'live'", WAIT);
    String before = browser.text("ks-state");

    HttpResponse<String> kill = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(node.url() + "/api/v1/kill-switch/trigger"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"identity\":\"dave\",\"reason\":\"api kill\"}")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(kill.statusCode()).as(kill.body()).isEqualTo(200);
    browser.waitFor("document.getElementById('ks-detail').textContent.includes('api kill')", WAIT);
    assertThat(browser.text("ks-state")).isEqualTo("KILLED");
    assertThat(before).isNotEqualTo("UNKNOWN");
  }

  private String apiState() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(node.url() + "/api/v1/kill-switch")).build(), HttpResponse.BodyHandlers.ofString());
    JsonNode status = JSON.readTree(response.body());
    return status.path("state").asText();
  }
}
