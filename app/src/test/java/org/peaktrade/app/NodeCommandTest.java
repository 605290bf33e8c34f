package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Node start-up refusals: they happen before anything starts and name what to fix. */
class NodeCommandTest {

  @TempDir
  Path dir;

  @Test
  void a_node_without_an_approval_code_hash_does_not_start_and_names_the_key() throws IOException {
    Path conf = Files.writeString(dir.resolve("empty.conf"), "peaktrade.http.port = 0\n");

    CliRun run = CliRun.of("node", "--config", conf.toString(), "--data-dir", dir.resolve("data").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("peaktrade.kill-switch.approval-code-hash").contains("hash-approval-code");
    assertThat(run.out()).doesNotContain("running");
  }

  @Test
  void a_malformed_hash_does_not_start_the_node() throws IOException {
    Path conf = NodeFixtures.config(dir, "demo-approval-code", "300s");

    CliRun run = CliRun.of("node", "--config", conf.toString(), "--data-dir", dir.resolve("data").toString(),
        "--http-port", "0");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("peaktrade.kill-switch.approval-code-hash").doesNotContain("demo-approval-code");
  }

  @Test
  void a_missing_config_file_is_a_usage_error() {
    CliRun run = CliRun.of("node", "--config", dir.resolve("nope.conf").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("no such config file");
  }

  @Test
  void the_bundled_local_demo_config_holds_the_hash_of_the_documented_demo_code() throws IOException {
    Path local = Path.of(CliRun.demo("")).getParent().getParent().resolve("config/local.conf");
    String hash = com.typesafe.config.ConfigFactory.parseFile(local.toFile())
        .getString("peaktrade.kill-switch.approval-code-hash");

    assertThat(org.peaktrade.engine.killswitch.ApprovalCodeHash.parse(hash).matches("demo-approval-code".toCharArray()))
        .isTrue();
  }
}
