package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Node start-up refusals: they happen before anything starts and name what to fix. */
class NodeCommandTest {
  /** The hash of config/local.conf (demo code), valid so that start-up gets past the kill-switch settings. */
  private static final String VALID_HASH = com.typesafe.config.ConfigFactory.parseFile(
      Path.of(CliRun.demo("")).getParent().getParent().resolve("config/local.conf").toFile())
      .getString("peaktrade.kill-switch.approval-code-hash");

  @TempDir
  Path dir;

  @Test
  void a_node_whose_generated_approval_code_hash_is_damaged_does_not_start_and_names_the_file() throws IOException {
    Path conf = Files.writeString(dir.resolve("empty.conf"), "peaktrade.http.port = 0\n");
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("approval-code.hash"), "not a hash\n");

    CliRun run = CliRun.of("node", "--config", conf.toString(), "--data-dir", data.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains(data.resolve("approval-code.hash").toAbsolutePath().toString())
        .contains("delete it");
    assertThat(run.out()).doesNotContain("running");
  }

  @Test
  void a_demo_session_with_an_unknown_key_does_not_start_the_node_and_names_entry_and_key() throws IOException {
    Path conf = Files.writeString(dir.resolve("demo.conf"), String.join("\n",
        "peaktrade.http.port = 0",
        "peaktrade.kill-switch.approval-code-hash = \"" + VALID_HASH + "\"",
        "peaktrade.market-data.replay.file = \"" + CliRun.demo("btc-perp-1m-2022-01.csv") + "\"",
        "peaktrade.node.demo-sessions = [",
        "  { id = a, strategy = ma-cross, symbol = \"BTC/USD\", mode = SHADOW, sizing = \"qty:1\", starting-cash = 1 }",
        "  { id = b, strategy = ma-cross, symbol = \"BTC/USD\", mode = SHADOW, sizing = \"qty:1\", startingcash = 1 }",
        "]", ""));

    CliRun run = CliRun.of("node", "--config", conf.toString(), "--data-dir", dir.resolve("data").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("peaktrade.node.demo-sessions[1].startingcash").contains("unknown key");
  }

  @Test
  void a_demo_session_the_node_refuses_stops_the_start_with_the_reason() throws IOException {
    Path conf = Files.writeString(dir.resolve("demo.conf"), String.join("\n",
        "peaktrade.http.port = 0",
        "peaktrade.kill-switch.approval-code-hash = \"" + VALID_HASH + "\"",
        "peaktrade.market-data.replay.file = \"" + CliRun.demo("btc-perp-1m-2022-01.csv") + "\"",
        "peaktrade.node.demo-sessions = [",
        "  { id = eth, strategy = ma-cross, symbol = \"ETH/USD\", mode = SHADOW, sizing = \"qty:1\", starting-cash = 1 }",
        "]", ""));

    CliRun run = CliRun.of("node", "--config", conf.toString(), "--data-dir", dir.resolve("data").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("demo session 'eth' refused").contains("ETH/USD");
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
  void a_management_port_out_of_range_is_a_usage_error_naming_the_option() {
    CliRun run = CliRun.of("node", "--management-port", "70000", "--data-dir", dir.resolve("data").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--management-port must be from 0 to 65535, not 70000");
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

  @Test
  void an_unknown_market_data_source_does_not_start_the_node_and_names_the_key() throws IOException {
    Path conf = NodeFixtures.config(dir, VALID_HASH, "300s");
    Files.writeString(conf, "peaktrade.market-data.source = bloomberg\n", StandardOpenOption.APPEND);

    CliRun run = CliRun.of("node", "--config", conf.toString(), "--data-dir", dir.resolve("data").toString(),
        "--http-port", "0");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("peaktrade.market-data.source").contains("'replay' or 'kraken'");
  }

  @Test
  void a_missing_replay_file_does_not_start_the_node_and_names_the_key() throws IOException {
    Path conf = NodeFixtures.config(dir, VALID_HASH, "300s");
    Files.writeString(conf, "peaktrade.market-data.replay.file = nowhere.csv\n",
        StandardOpenOption.APPEND);

    CliRun run = CliRun.of("node", "--config", conf.toString(), "--data-dir", dir.resolve("data").toString(),
        "--http-port", "0");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("peaktrade.market-data.replay.file").contains("no such file: nowhere.csv");
  }
}
