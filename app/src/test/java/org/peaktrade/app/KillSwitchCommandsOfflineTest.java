package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peaktrade.app.CliRun.FakeTerminal;

/** The kill-switch client commands where no node answers, or the command line itself is wrong. */
class KillSwitchCommandsOfflineTest {

  @Test
  void a_node_that_is_not_running_is_exit_code_5_with_the_url_in_the_message() throws IOException {
    String url = "http://127.0.0.1:" + unusedPort();

    for (String[] args : new String[][] {{"status"}, {"kill", "--reason", "r"}, {"recover", "--complete"},
        {"kill-switch-events"}}) {
      String[] withUrl = append(args, "--url", url);
      CliRun run = CliRun.with(FakeTerminal.env(Map.of("PEAKTRADE_APPROVAL_CODE", "x", "PEAKTRADE_TOKEN", "t")),
          withUrl);

      assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCodes.UNREACHABLE);
      assertThat(run.err()).contains("cannot reach the node at " + url).contains("peak-trade node");
    }
  }

  @Test
  void recovery_without_the_variable_or_a_console_stops_with_exit_code_2_before_calling_the_node() throws IOException {
    CliRun run = CliRun.with(FakeTerminal.env(Map.of("PEAKTRADE_TOKEN", "t")), "recover",
        "--url", "http://127.0.0.1:" + unusedPort());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("no approval code: set PEAKTRADE_APPROVAL_CODE or run in a terminal");
  }

  @Test
  void the_approval_code_is_never_accepted_as_an_argument() {
    CliRun run = CliRun.of("recover", "--approver", "alice", "--approval-code", "1234");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("Unknown options: '--approval-code'");
  }

  @Test
  void recover_takes_approver_or_complete_not_both() {
    CliRun run = CliRun.of("recover", "--approver", "a", "--complete");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("mutually exclusive");
  }

  @Test
  void control_characters_in_a_reason_or_identity_stop_with_exit_code_2_before_calling_the_node() throws IOException {
    String url = "http://127.0.0.1:" + unusedPort();
    CliRun kill = CliRun.with(FakeTerminal.env(Map.of("PEAKTRADE_TOKEN", "t")), "kill", "--reason",
        "halt \u202Eexe.txt", "--url", url);
    CliRun complete = CliRun.with(FakeTerminal.env(Map.of("PEAKTRADE_TOKEN", "t")), "recover", "--complete",
        "--identity", "bob\u0000", "--url", url);

    assertThat(kill.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(kill.err()).contains("--reason: contains control character U+202E at index 5")
        .doesNotContain("\u202E");
    assertThat(complete.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(complete.err()).contains("--identity: contains control character U+0000 at index 3");
  }

  @Test
  void an_invalid_session_id_is_exit_code_2_naming_the_rule() {
    CliRun run = CliRun.of("status", "--session", "no spaces");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--session must be 1-64 of A-Z a-z 0-9 . _ -, not 'no spaces'");
  }

  private static int unusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String[] append(String[] args, String... more) {
    String[] all = new String[args.length + more.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }
}
