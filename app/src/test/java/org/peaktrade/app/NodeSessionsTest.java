package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.app.node.Node;
import org.peaktrade.app.node.NodeConfig;
import org.peaktrade.http.fixtures.RecordingSessionService;
import org.peaktrade.http.fixtures.SessionSamples;

/** Whether a node serves {@code /api/v1/sessions} next to the kill switch depends on a sessions facade being wired. */
class NodeSessionsTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-01T12:00:00Z"), ZoneOffset.UTC);
  private static String hash;

  @TempDir
  Path dir;

  @BeforeAll
  static void hashTheCode() {
    hash = KillSwitchCliAgainstNodeTest.hash("correct horse battery staple");
  }

  @Test
  void a_node_given_a_sessions_facade_serves_its_sessions_next_to_the_kill_switch() throws IOException {
    RecordingSessionService sessions = new RecordingSessionService().holding(SessionSamples.trading("paper-1"));
    Node node = Node.start(config(), CLOCK, (system, killSwitch, clock) -> sessions);
    try {
      CliRun list = CliRun.of("sessions", "list", "--url", node.url().toString(), "--token-file", adminToken());
      CliRun status = CliRun.of("status", "--url", node.url().toString(), "--token-file", adminToken());

      assertThat(list.exitCode()).as(list.err()).isEqualTo(ExitCodes.OK);
      assertThat(list.out()).contains("paper-1");
      assertThat(status.exitCode()).as(status.err()).isEqualTo(ExitCodes.OK);
    } finally {
      node.stop();
    }
  }

  @Test
  void a_node_without_sessions_tells_the_sessions_commands_so_with_exit_code_1() throws IOException {
    Node node = Node.start(config(), CLOCK);
    try {
      CliRun list = CliRun.of("sessions", "list", "--url", node.url().toString(), "--token-file", adminToken());

      assertThat(list.exitCode()).isEqualTo(ExitCodes.FAILED);
      assertThat(list.err()).contains("the node at " + node.url() + " does not serve sessions");
    } finally {
      node.stop();
    }
  }

  /** The nodes here configure no tokens, so each makes an admin token in its data dir (the embedded default). */
  private String adminToken() {
    return dir.resolve("data").resolve("admin.token").toString();
  }

  private Config config() throws IOException {
    Path conf = NodeFixtures.config(dir, hash, "300s");
    return NodeConfig.load(Optional.of(conf), Optional.of(dir.resolve("data")), Optional.of("127.0.0.1"),
        Optional.of(0));
  }
}
