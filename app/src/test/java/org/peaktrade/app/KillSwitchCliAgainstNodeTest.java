package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.app.CliRun.FakeTerminal;
import org.peaktrade.app.fixtures.MutableClock;
import org.peaktrade.app.node.Node;
import org.peaktrade.app.node.NodeConfig;
import org.peaktrade.http.ApiJson;

/**
 * The CLI client against a real node started in-process: kill-switch runtime, embedded journal in a temporary data
 * dir, HTTP on a free loopback port. Each test uses its own session scope, so the tests do not see each other.
 */
class KillSwitchCliAgainstNodeTest {

  static final String CODE = "correct horse battery staple";

  @TempDir
  static Path dir;

  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-03-01T12:00:00Z"));
  private static Node node;
  private static String url;

  @BeforeAll
  static void startNode() throws IOException {
    Path conf = NodeFixtures.config(dir, hash(CODE), "300s", true);
    node = Node.start(NodeConfig.load(Optional.of(conf), Optional.of(dir.resolve("data")), Optional.of("127.0.0.1"),
        Optional.of(0)), CLOCK);
    url = node.url().toString();
  }

  @AfterAll
  static void stopNode() {
    node.stop();
  }

  @Test
  void kill_then_status_shows_the_killed_session_with_who_and_why() {
    String session = freshSession();

    CliRun kill = cli("kill", "--reason", "runaway orders", "--identity", "alice", "--session", session);
    CliRun status = cli("status", "--session", session);

    assertThat(kill.exitCode()).as(kill.err()).isEqualTo(ExitCodes.OK);
    assertThat(status.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(status.out()).contains("session:" + session + ": KILLED since")
        .contains("killed by alice (MANUAL): runaway orders");
  }

  @Test
  void a_switch_that_never_changed_says_so_instead_of_an_epoch_date() {
    CliRun status = cli("status", "--session", freshSession());

    assertThat(status.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(status.out()).contains(": ACTIVE (never triggered, revision 0)").doesNotContain("1970");
  }

  @Test
  void the_global_switch_starts_active() {
    CliRun status = cli("status", "--json");

    assertThat(status.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(json(status.out()).get("scope").asText()).isEqualTo("global");
  }

  @Test
  void a_full_recovery_needs_the_code_the_cooldown_and_a_second_person() {
    String session = freshSession();
    cli("kill", "--reason", "stale quotes", "--identity", "alice", "--session", session);

    CliRun request = withCode(CODE, "recover", "--approver", "bob", "--session", session);
    CliRun early = cli("recover", "--complete", "--identity", "carol", "--session", session);
    CLOCK.advance(Duration.ofSeconds(301));
    CliRun complete = completeOnceMarketDataIsFresh(session);
    CliRun status = cli("status", "--session", session, "--json");
    CliRun events = cli("kill-switch-events", "--session", session);

    assertThat(request.exitCode()).as(request.err()).isEqualTo(ExitCodes.OK);
    assertThat(request.out()).contains("RECOVERING").contains("recovery requested by bob").doesNotContain(CODE);
    assertThat(early.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(early.err()).contains("refused by the kill switch (COOLDOWN_NOT_OVER)");
    assertThat(complete.exitCode()).as(complete.err()).isEqualTo(ExitCodes.OK);
    assertThat(json(status.out()).get("state").asText()).isEqualTo("ACTIVE");
    assertThat(events.out()).contains("triggered", "recovery-requested", "command-refused", "recovery-completed")
        .doesNotContain(CODE);
  }

  @Test
  void a_wrong_approval_code_is_refused_with_exit_code_4_and_never_printed() {
    String session = freshSession();
    cli("kill", "--reason", "test", "--identity", "alice", "--session", session);

    CliRun run = withCode("wrong-code-123", "recover", "--approver", "mallory", "--session", session);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(run.err()).contains("BAD_APPROVAL_CODE").doesNotContain("wrong-code-123");
    assertThat(run.out()).doesNotContain("wrong-code-123");
  }

  @Test
  void the_code_can_be_typed_at_the_prompt() {
    String session = freshSession();
    cli("kill", "--reason", "test", "--identity", "alice", "--session", session);

    CliRun run = CliRun.with(FakeTerminal.console(CODE), "recover", "--approver", "bob", "--session", session,
        "--url", url);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void recovery_of_an_active_switch_is_refused_as_wrong_state() {
    CliRun run = withCode(CODE, "recover", "--approver", "bob", "--session", freshSession());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(run.err()).contains("WRONG_STATE").contains("the switch is ACTIVE");
  }

  @Test
  void with_the_two_person_rule_the_approver_cannot_complete_the_recovery() {
    String session = freshSession();
    cli("kill", "--reason", "test", "--identity", "alice", "--session", session);
    withCode(CODE, "recover", "--approver", "bob", "--session", session);
    CLOCK.advance(Duration.ofSeconds(301));

    CliRun run = cli("recover", "--complete", "--identity", "bob", "--session", session);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(run.err()).contains("SAME_PERSON").contains("two-person rule");
  }

  @Test
  void repeated_wrong_codes_lock_recovery_out_even_for_the_right_code() {
    String session = freshSession();
    cli("kill", "--reason", "test", "--identity", "alice", "--session", session);
    for (int attempt = 0; attempt < 5; attempt++) {
      withCode("guess-" + attempt, "recover", "--approver", "mallory", "--session", session);
    }

    CliRun run = withCode(CODE, "recover", "--approver", "bob", "--session", session);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(run.err()).contains("LOCKED_OUT").containsPattern("retry in (900|899) s");
  }

  @Test
  void json_output_is_the_nodes_answer_as_is() {
    String session = freshSession();

    CliRun kill = cli("kill", "--reason", "r", "--identity", "alice", "--session", session, "--json");

    JsonNode answer = json(kill.out());
    assertThat(answer.get("accepted").asBoolean()).isTrue();
    assertThat(answer.get("status").get("state").asText()).isEqualTo("KILLED");
  }

  static String hash(String code) {
    CliRun run = CliRun.with(FakeTerminal.piped(code), "hash-approval-code");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    return run.out().strip();
  }

  private static CliRun cli(String... args) {
    return CliRun.with(FakeTerminal.empty(), withUrl(args));
  }

  private static CliRun withCode(String code, String... args) {
    return CliRun.with(FakeTerminal.env(Map.of("PEAKTRADE_APPROVAL_CODE", code)), withUrl(args));
  }

  private static String[] withUrl(String[] args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--url";
    all[args.length + 1] = url;
    return all;
  }

  private static String freshSession() {
    return "t-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static JsonNode json(String text) {
    try {
      return ApiJson.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  /**
   * After the test clock jumps, the market-data-fresh check fails until the replayed feed has beaten again at the
   * new time (its next bar, a tenth of a second away at the fixtures' replay speed): retry until then.
   */
  private CliRun completeOnceMarketDataIsFresh(String session) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    CliRun complete = cli("recover", "--complete", "--identity", "carol", "--session", session);
    while (complete.exitCode() != ExitCodes.OK && complete.err().contains("market-data-fresh")
        && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      complete = cli("recover", "--complete", "--identity", "carol", "--session", session);
    }
    return complete;
  }
}
