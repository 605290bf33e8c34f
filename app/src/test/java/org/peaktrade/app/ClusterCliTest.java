package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.net.InetSocketAddress;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peaktrade.app.CliRun.FakeTerminal;
import org.peaktrade.http.ClusterRoutes;
import org.peaktrade.http.HttpServer;
import org.peaktrade.http.auth.Authorization;
import org.peaktrade.http.fixtures.ClusterViewSamples;
import org.peaktrade.http.fixtures.RecordingClusterViewService;
import org.peaktrade.http.fixtures.TestTokens;

/** {@code peak-trade cluster} against the cluster view served in-process, with a recording double for the cluster. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterCliTest {

  /** vic is a viewer: reading the cluster is enough. */
  private static final FakeTerminal AS_VIC = FakeTerminal.env(Map.of("PEAKTRADE_TOKEN", TestTokens.VIC.token()));

  private ActorSystem<Void> system;
  private RecordingClusterViewService cluster;
  private String url;

  @BeforeAll
  void startSystem() {
    system = ActorSystem.create(Behaviors.empty(), "cluster-cli-test",
        ConfigFactory.parseString("pekko.loglevel = WARNING\npekko.stdout-loglevel = WARNING")
            .withFallback(ConfigFactory.load()));
  }

  @AfterAll
  void stopSystem() {
    system.terminate();
  }

  @BeforeEach
  void bind() {
    cluster = new RecordingClusterViewService();
    InetSocketAddress address = HttpServer.start(system,
        new Authorization(TestTokens.tokens()).secure(new ClusterRoutes(cluster).route()), "127.0.0.1", 0);
    url = "http://127.0.0.1:" + address.getPort();
  }

  @Test
  void printsAMemberPerLineThenTheTotals() {
    CliRun run = CliRun.with(AS_VIC, "cluster", "--url", url);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(run.out().lines().toList()).containsExactly(
        "  MEMBER                              STATUS  REACHABLE  LEADER  SHARDS  SESSIONS",
        "  pekko://peak-trade@127.0.0.1:25520  Up      yes        yes     34      12",
        "  pekko://peak-trade@127.0.0.1:25521  Up      yes        no      33      13",
        "  pekko://peak-trade@127.0.0.1:25522  Up      yes        no      33      11",
        "cluster seen from pekko://peak-trade@127.0.0.1:25520: 3 members (3 Up, 0 unreachable), 100 shards, "
            + "36 sessions");
  }

  @Test
  void duringAFailoverShowsTheUnreachableMemberWithoutCountsAndSaysTheyAreIncomplete() {
    cluster.answer = ClusterViewSamples.duringAFailover();

    CliRun run = CliRun.with(AS_VIC, "cluster", "--url", url);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(run.out())
        .containsPattern("pekko://peak-trade@127\\.0\\.0\\.1:25522 +Up +no +no +- +-\n")
        .contains("3 members (3 Up, 1 unreachable), 64 shards, 22 sessions")
        .contains("incomplete: not every shard region answered in time")
        .contains("regions with shards that did not answer: pekko://peak-trade@127.0.0.1:25521");
  }

  @Test
  void printsTheNodesJsonAsItIsWithJson() {
    CliRun run = CliRun.with(AS_VIC, "cluster", "--url", url, "--json");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).startsWith("{\"mode\":\"cluster\"");
  }

  @Test
  void aClusterViewThatFailsIsAnUnavailableNode() {
    cluster.failure = new IllegalStateException("no cluster");

    CliRun run = CliRun.with(AS_VIC, "cluster", "--url", url);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(run.err()).contains("its cluster view is unavailable");
  }
}
