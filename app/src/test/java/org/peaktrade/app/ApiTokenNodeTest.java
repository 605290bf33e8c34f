package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.app.CliRun.FakeTerminal;
import org.peaktrade.app.fixtures.ApprovalCodes;
import org.peaktrade.app.node.Node;
import org.peaktrade.app.node.NodeConfig;
import org.peaktrade.app.node.NodeConfigException;

/**
 * The embedded default of a node without configured tokens (an admin token in the data dir, mode 600, only its hash
 * kept for the node) and where the CLI finds a token: --token-file, else PEAKTRADE_TOKEN, else the data dir's file.
 */
class ApiTokenNodeTest {

  @TempDir
  Path dir;

  @Test
  void the_first_start_makes_an_admin_token_readable_by_the_owner_only_and_later_starts_reuse_it() throws Exception {
    Path data = dir.resolve("data");
    Node first = start(data);
    String token;
    try {
      assertThat(first.adminTokenCreated()).isTrue();
      assertThat(first.adminTokenFile()).contains(data.resolve("admin.token"));
      token = Files.readString(data.resolve("admin.token")).strip();
      assertThat(token).matches("[A-Za-z0-9_-]{43}");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("admin.token"))))
          .isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("auth-tokens.conf"))))
          .isEqualTo("rw-------");
      assertThat(Files.readString(data.resolve("auth-tokens.conf"))).contains("sha256$").doesNotContain(token);
    } finally {
      first.stop();
    }

    Node second = start(data);
    try {
      assertThat(second.adminTokenCreated()).isFalse();
      assertThat(Files.readString(data.resolve("admin.token")).strip()).isEqualTo(token);
      CliRun status = CliRun.with(FakeTerminal.env(Map.of("PEAKTRADE_DATA_DIR", data.toString())), "status",
          "--url", second.url().toString());
      assertThat(status.exitCode()).as(status.err()).isEqualTo(ExitCodes.OK);
      assertThat(status.out()).contains("global: ACTIVE");
    } finally {
      second.stop();
    }
  }

  @Test
  void the_token_file_option_wins_over_the_environment_which_wins_over_the_data_dir() throws Exception {
    Path data = dir.resolve("data");
    Node node = start(data);
    try {
      String url = node.url().toString();
      Path admin = data.resolve("admin.token");
      Path wrong = Files.writeString(dir.resolve("wrong.token"), "not-the-token\n");

      CliRun fileOverEnv = CliRun.with(FakeTerminal.env(Map.of("PEAKTRADE_TOKEN", "not-the-token")), "status",
          "--url", url, "--token-file", admin.toString());
      CliRun envOverDataDir = CliRun.with(FakeTerminal.env(Map.of("PEAKTRADE_TOKEN", "not-the-token",
          "PEAKTRADE_DATA_DIR", data.toString())), "status", "--url", url);
      CliRun wrongFile = CliRun.with(FakeTerminal.env(Map.of("PEAKTRADE_DATA_DIR", data.toString())), "status",
          "--url", url, "--token-file", wrong.toString());

      assertThat(fileOverEnv.exitCode()).as(fileOverEnv.err()).isEqualTo(ExitCodes.OK);
      assertThat(envOverDataDir.exitCode()).isEqualTo(ExitCodes.NOT_AUTHORIZED);
      assertThat(envOverDataDir.err()).contains("refused the token");
      assertThat(wrongFile.exitCode()).isEqualTo(ExitCodes.NOT_AUTHORIZED);
    } finally {
      node.stop();
    }
  }

  @Test
  void without_any_token_the_cli_says_where_it_looked_before_calling_the_node() {
    Path empty = dir.resolve("empty");

    CliRun run = CliRun.with(FakeTerminal.env(Map.of("PEAKTRADE_DATA_DIR", empty.toString())), "status",
        "--url", "http://127.0.0.1:9");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_AUTHORIZED);
    assertThat(run.err()).contains("no API token: set PEAKTRADE_TOKEN, pass --token-file FILE")
        .contains(empty.resolve("admin.token").toString());
  }

  @Test
  void a_misconfigured_auth_section_stops_the_node_naming_the_key() throws Exception {
    Path conf = NodeFixtures.config(dir, ApprovalCodes.hash("code"), "1s");
    Files.writeString(conf, Files.readString(conf)
        + "peaktrade.auth.tokens = [{ name = ops, roles = [root], token-hash = \"sha256$x\" }]\n");

    assertThatThrownBy(() -> Node.start(NodeConfig.load(Optional.of(conf), Optional.of(dir.resolve("data")),
        Optional.of("127.0.0.1"), Optional.of(0)), Clock.systemUTC()))
        .isInstanceOf(NodeConfigException.class)
        .hasMessageStartingWith("peaktrade.auth.tokens[0].roles: unknown role 'root'");
    assertThat(dir.resolve("data").resolve("admin.token")).doesNotExist();
  }

  @Test
  void a_token_file_without_its_hash_file_stops_the_node_saying_what_to_do() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("admin.token"), "left-over\n");

    assertThatThrownBy(() -> start(data))
        .isInstanceOf(NodeConfigException.class)
        .hasMessageContaining("admin.token exists but").hasMessageContaining("delete");
  }

  private Node start(Path data) throws IOException {
    Path conf = NodeFixtures.config(dir, ApprovalCodes.hash("code"), "1s");
    return Node.start(NodeConfig.load(Optional.of(conf), Optional.of(data), Optional.of("127.0.0.1"),
        Optional.of(0)), Clock.systemUTC());
  }
}
