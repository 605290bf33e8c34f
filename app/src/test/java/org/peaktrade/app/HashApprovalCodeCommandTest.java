package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.peaktrade.app.CliRun.FakeTerminal;
import org.peaktrade.engine.killswitch.ApprovalCodeHash;

/** Hashing a new approval code: from the prompt (typed twice) or stdin; only the hash is printed. */
class HashApprovalCodeCommandTest {

  private static final String CODE = "a-new-approval-code";

  @Test
  void a_code_typed_twice_prints_a_hash_that_matches_it_and_nothing_else() {
    CliRun run = CliRun.with(FakeTerminal.console(CODE, CODE), "hash-approval-code");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    String hash = run.out().strip();
    assertThat(hash).startsWith("pbkdf2-sha256$").doesNotContain(CODE);
    assertThat(ApprovalCodeHash.parse(hash).matches(CODE.toCharArray())).isTrue();
    assertThat(run.err()).contains("peaktrade.kill-switch.approval-code-hash").doesNotContain(CODE);
  }

  @Test
  void without_a_console_the_code_is_the_first_line_of_stdin() {
    CliRun run = CliRun.with(FakeTerminal.piped(CODE), "hash-approval-code");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(ApprovalCodeHash.parse(run.out().strip()).matches(CODE.toCharArray())).isTrue();
  }

  @Test
  void two_different_entries_hash_nothing() {
    CliRun run = CliRun.with(FakeTerminal.console(CODE, CODE + "x"), "hash-approval-code");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("the two entries differ");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void a_short_code_is_refused() {
    CliRun run = CliRun.with(FakeTerminal.piped("short"), "hash-approval-code");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("at least 12 characters");
  }

  @Test
  void empty_stdin_is_refused() {
    CliRun run = CliRun.with(FakeTerminal.piped(), "hash-approval-code");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("no approval code on stdin");
  }
}
