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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.app.fixtures.ApprovalCodes;
import org.peaktrade.app.fixtures.HeadlessChromium;
import org.peaktrade.app.node.Node;
import org.peaktrade.app.node.NodeConfig;
import org.peaktrade.http.fixtures.TestTokens;
import org.peaktrade.http.fixtures.TestTokens.Person;

/**
 * The operator dashboard in a real headless Chromium against a real node (embedded journal, HTTP on loopback, the
 * test tokens configured): the page asks for a token, shows the kill switch live, kills through its guarded button
 * as an operator, and walks the recovery flow as two approvers; the API agrees; the sessions table names the member
 * running each session and the cluster panel lists the members. All of it under the node's Content-Security-Policy,
 * which the browser enforces (an injected inline script does not run).
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
    Path conf = NodeFixtures.configWithTokens(dir, ApprovalCodes.hash(CODE), "1s");
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
  void theFirstVisitAsksForATokenAndRefusesAnUnknownOne() throws Exception {
    browser.navigate(node.url() + "/");
    browser.waitFor("!document.getElementById('sign-in').hidden", WAIT);
    assertThat(browser.evaluate("document.getElementById('main').hidden").asBoolean()).isTrue();

    browser.type("token", "not-a-token");
    browser.click("sign-in-button");

    browser.waitFor("document.getElementById('sign-in-message').textContent.includes('not known')", WAIT);
    assertThat(browser.evaluate("sessionStorage.getItem('peaktrade.token') === null").asBoolean()).isTrue();
  }

  @Test
  @Order(2)
  void anOperatorKillsFromThePageAndApproversRecoverWithTheCodeAfterTheCooldown() throws Exception {
    browser.navigate(node.url() + "/");
    signInAs(TestTokens.ALICE);
    browser.waitFor("document.getElementById('ks-state').textContent === 'ACTIVE'", WAIT);
    browser.waitFor("document.getElementById('connection').textContent === 'live'", WAIT);

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

    signInAs(TestTokens.BOB);
    browser.waitFor("!document.getElementById('recovery-form').hidden", WAIT);
    browser.type("recovery-code", "not the code");
    browser.click("recovery-button");
    browser.waitFor("document.getElementById('ks-message').className === 'error'", WAIT);
    assertThat(apiState()).isEqualTo("KILLED");

    browser.type("recovery-code", CODE);
    browser.click("recovery-button");
    browser.waitFor("document.getElementById('ks-state').textContent === 'RECOVERING'", WAIT);
    assertThat(apiState()).isEqualTo("RECOVERING");
    assertThat(browser.text("ks-detail")).contains("recovery requested by bob");

    Thread.sleep(1_200);
    signInAs(TestTokens.CAROL);
    browser.waitFor("!document.getElementById('complete-form').hidden", WAIT);
    browser.click("complete-button");
    browser.waitFor("document.getElementById('ks-state').textContent === 'ACTIVE'", WAIT);
    assertThat(apiState()).isEqualTo("ACTIVE");
  }

  @Test
  @Order(3)
  void aKillThroughTheApiShowsUpOnAnOpenPageWithoutReloading() throws Exception {
    browser.navigate(node.url() + "/dashboard/");
    browser.waitFor("document.getElementById('whoami').textContent.startsWith('carol')", WAIT);
    browser.waitFor("document.getElementById('connection').textContent === 'live'", WAIT);
    String before = browser.text("ks-state");
    HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(node.url() + "/api/v1/stream"))
        .header("Authorization", TestTokens.bearer(TestTokens.VIC)).header("Accept", "text/event-stream").build(),
        HttpResponse.BodyHandlers.ofLines());
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> stream.body().filter(line -> line.startsWith("data:"))
        .filter(line -> line.contains("\"scope\":\"global\"")).forEach(events::add), "event-stream");
    reader.setDaemon(true);
    reader.start();
    assertThat(events.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the stream opens with the current status")
        .contains("\"state\":\"ACTIVE\"");

    HttpResponse<String> kill = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(node.url() + "/api/v1/kill-switch/trigger"))
        .header("Content-Type", "application/json")
        .header("Authorization", TestTokens.bearer(TestTokens.ROOT))
        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"api kill\"}")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(kill.statusCode()).as(kill.body()).isEqualTo(200);
    assertThat(events.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the kill, pushed").contains("\"state\":\"KILLED\"").contains("api kill");
    stream.body().close();
    browser.waitFor("document.getElementById('ks-detail').textContent.includes('api kill')", WAIT);
    assertThat(browser.text("ks-state")).isEqualTo("KILLED");
    assertThat(before).isNotEqualTo("UNKNOWN");
  }

  @Test
  @Order(4)
  void thePageRunsUnderAContentSecurityPolicyThatBlocksInjectedInlineScript() throws Exception {
    browser.navigate(node.url() + "/dashboard/");
    browser.waitFor("document.readyState === 'complete'", WAIT);

    browser.evaluate("(() => { const s = document.createElement('script');"
        + " s.textContent = 'window.injected = true'; document.body.appendChild(s); })()");

    assertThat(browser.evaluate("window.injected === undefined").asBoolean())
        .as("an inline script injected into the page must not run").isTrue();
    assertThat(browser.evaluate("typeof window.fetch === 'function' && document.scripts.length >= 1").asBoolean())
        .isTrue();
  }

  @Test
  @Order(5)
  void theSessionsTableNamesEachSessionsMemberAndTheClusterPanelListsTheMembers() throws Exception {
    HttpResponse<String> started = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(node.url() + "/api/v1/sessions"))
        .header("Content-Type", "application/json")
        .header("Authorization", TestTokens.bearer(TestTokens.ALICE))
        .POST(HttpRequest.BodyPublishers.ofString("""
            {"id":"dash-1","strategy":"ma-cross","symbol":"BTC/USD","mode":"PAPER","sizing":"qty:0.01",
             "startingCash":10000}""")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);

    browser.navigate(node.url() + "/dashboard/");
    signInAs(TestTokens.VIC);

    browser.waitFor("document.querySelector('#sessions-table thead tr').lastElementChild.textContent === 'member'",
        WAIT);
    browser.waitFor("[...document.querySelectorAll('#sessions-table tbody tr')].some(row =>"
        + " row.firstElementChild.textContent === 'dash-1' && row.lastElementChild.textContent === 'this node'"
        + " && row.lastElementChild.title === 'pekko://peak-trade')", WAIT);
    browser.waitFor("[...document.querySelectorAll('#cluster-table tbody tr')].some(row =>"
        + " [...row.children].map(cell => cell.textContent).join('|') === 'this node|Up|yes|1')", WAIT);
    assertThat(browser.text("cluster-mode")).isEqualTo("(single node)");
  }

  /** Signs out whoever is signed in, then in with {@code person}'s token, and waits until the page says so. */
  private void signInAs(Person person) throws Exception {
    browser.waitFor("document.readyState === 'complete' && document.getElementById('sign-out') !== null", WAIT);
    browser.evaluate("document.getElementById('sign-out').hidden || document.getElementById('sign-out').click()");
    browser.waitFor("!document.getElementById('sign-in').hidden", WAIT);
    browser.type("token", person.token());
    browser.click("sign-in-button");
    browser.waitFor("document.getElementById('whoami').textContent === '" + person.name() + " ("
        + person.role() + ")'", WAIT);
  }

  private String apiState() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(node.url() + "/api/v1/kill-switch")).header("Authorization", TestTokens.bearer(TestTokens.VIC))
        .build(), HttpResponse.BodyHandlers.ofString());
    JsonNode status = JSON.readTree(response.body());
    return status.path("state").asText();
  }
}
