package org.peaktrade.app.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.TreeSet;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentPersistenceIdsQuery;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.Polling;
import org.peaktrade.app.NodeFixtures;
import org.peaktrade.actors.killswitch.KillSwitchRegistry;
import org.peaktrade.actors.killswitch.PersistenceSettings;
import org.peaktrade.engine.killswitch.ApprovalCodeHash;
import org.peaktrade.http.fixtures.TestTokens;
import org.peaktrade.protocol.killswitch.KillSwitchScope;

/**
 * The adversarial viewer of issue 15 against a real single node (embedded journal, real sessions, HTTP on loopback):
 * 2,000 reads of the switches of sessions that do not exist are answered 404 and leave no trace: no kill-switch
 * entity, no journal row, no metric series, and no lasting heap.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnknownSessionScopesIT {
  private static final int GHOSTS = 2_000;
  private static final Duration WAIT = Duration.ofSeconds(20);
  /** Generous: the node keeps replaying bars meanwhile; the defect held about 25 MB for as many reads. */
  private static final long HEAP_BOUND_BYTES = 12L * 1024 * 1024;

  @TempDir
  static Path dir;

  private Node node;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start() throws IOException {
    Path conf = NodeFixtures.configWithTokens(dir, ApprovalCodeHash.create("ghost code".toCharArray()), "300s");
    Files.writeString(conf, "peaktrade.metrics.session-poll-interval = 200ms\n"
        + "peaktrade.kill-switch.idle-timeout = 1s\n", StandardOpenOption.APPEND);
    node = Node.start(NodeConfig.load(Optional.of(conf), Optional.of(dir.resolve("data")), Optional.of("127.0.0.1"),
        Optional.of(0)), Clock.systemUTC());
  }

  @AfterAll
  void stop() {
    node.stop();
  }

  @Test
  void answersNotFoundForUnknownSessionScopesWithoutEntitiesJournalRowsSeriesOrHeap() throws Exception {
    String body = get("/api/v1/kill-switch?session=warm-up").body();
    assertThat(body).contains("no session 'warm-up'");
    Polling.until("the global switch labelled", WAIT, () -> scrape().contains("scope=\"global\""));
    // Series that appear on their own once the node runs (the first replayed bar, the first poll of the sessions)
    // are there before the baseline, so what the baseline is compared with is only what the reads could add.
    Polling.until("the feed's lag and the sessions' orders published", WAIT,
        () -> scrape().contains("peaktrade_feed_lag_seconds{") && scrape().contains("peaktrade_orders{"));
    Set<String> seriesBefore = labelledSeries(scrape());
    Set<KillSwitchScope> entitiesBefore = entities();
    List<String> journalIdsBefore = killSwitchPersistenceIds();
    long heapBefore = heapAfterGc();

    for (int i = 0; i < GHOSTS; i++) {
      HttpResponse<String> reply = get("/api/v1/kill-switch" + (i % 2 == 0 ? "" : "/events") + "?session=ghost-" + i);
      assertThat(reply.statusCode()).as(reply.body()).isEqualTo(404);
      assertThat(reply.headers().firstValue("Content-Type")).contains("application/problem+json");
    }
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> kill = post(TestTokens.ALICE, "/api/v1/kill-switch/trigger?session=ghost-" + i,
          "{\"reason\":\"haunted\"}");
      assertThat(kill.statusCode()).as(kill.body()).isEqualTo(404);
    }
    long heapAfter = heapAfterGc();

    assertThat(entities()).isEqualTo(entitiesBefore).doesNotContainAnyElementsOf(
        List.of(KillSwitchScope.session("ghost-0"), KillSwitchScope.session("ghost-1")));
    assertThat(killSwitchPersistenceIds()).isEqualTo(journalIdsBefore);
    assertThat(labelledSeries(scrape())).isEqualTo(seriesBefore);
    assertThat(heapAfter - heapBefore).as("heap growth in bytes after GC").isLessThan(HEAP_BOUND_BYTES);
  }

  @Test
  void aSessionsSwitchIsLabelledWhileItRunsAndPassivatesKilledOnceItStopped() throws Exception {
    HttpResponse<String> started = post(TestTokens.ALICE, "/api/v1/sessions", """
        {"id":"lifecycle-1","strategy":"ma-cross","params":{"fast":"5","slow":"20"},"symbol":"BTC/USD",
         "mode":"PAPER","sizing":"qty:0.01","startingCash":10000}""");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    KillSwitchScope scope = KillSwitchScope.session("lifecycle-1");
    HttpResponse<String> kill = post(TestTokens.ALICE, "/api/v1/kill-switch/trigger?session=lifecycle-1",
        "{\"reason\":\"lifecycle\"}");
    assertThat(kill.statusCode()).as(kill.body()).isEqualTo(200);
    Polling.until("the running session's switch labelled KILLED", WAIT,
        () -> scrape().contains("peaktrade_kill_switch_state{scope=\"session:lifecycle-1\"} 2.0"));
    assertThat(entities()).as("refreshed by the gate while the session runs, idle-timeout 1 s").contains(scope);

    HttpResponse<String> stopped = http.send(request(TestTokens.ALICE, "/api/v1/sessions/lifecycle-1").DELETE()
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);

    Polling.until("the stopped session's series removed", WAIT,
        () -> !scrape().contains("session:lifecycle-1") && !scrape().contains("session=\"lifecycle-1\""));
    Polling.until("the stopped session's switch passivated", WAIT, () -> !entities().contains(scope));
    HttpResponse<String> status = get("/api/v1/kill-switch?session=lifecycle-1");
    assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
    assertThat(status.body()).contains("\"state\":\"KILLED\"");
    assertThat(killSwitchPersistenceIds()).contains("kill-switch|session:lifecycle-1");
  }

  private HttpRequest.Builder request(TestTokens.Person person, String path) {
    return HttpRequest.newBuilder(URI.create(node.url() + path)).header("Authorization", TestTokens.bearer(person));
  }

  private HttpResponse<String> post(TestTokens.Person person, String path, String json)
      throws IOException, InterruptedException {
    return http.send(request(person, path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(node.url() + path))
        .header("Authorization", TestTokens.bearer(TestTokens.VIC)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private String scrape() throws IOException, InterruptedException {
    HttpResponse<String> reply = get("/metrics");
    assertThat(reply.statusCode()).isEqualTo(200);
    return reply.body();
  }

  /** Every peaktrade series and every series labelled with a scope or a session, by its full name and labels. */
  private static Set<String> labelledSeries(String metrics) {
    Set<String> series = new TreeSet<>();
    Matcher matcher = Pattern.compile("(?m)^(\\S+) \\S+$").matcher(metrics);
    while (matcher.find()) {
      String name = matcher.group(1);
      if (name.startsWith("peaktrade_") || name.contains("scope=") || name.contains("session=")) {
        series.add(name);
      }
    }
    return series;
  }

  private Set<KillSwitchScope> entities() throws Exception {
    return KillSwitchRegistry.entities(node.actorSystem(), Duration.ofSeconds(5)).toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  private List<String> killSwitchPersistenceIds() throws Exception {
    CurrentPersistenceIdsQuery journal = PersistenceQuery.get(node.actorSystem()).getReadJournalFor(
        CurrentPersistenceIdsQuery.class,
        PersistenceSettings.fromConfig(node.actorSystem().settings().config()).readJournal());
    return journal.currentPersistenceIds().filter(id -> id.startsWith("kill-switch|"))
        .runWith(Sink.seq(), node.actorSystem()).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static long heapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    memory.gc();
    memory.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }
}
