package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.http.fixtures.TestTokens.ALICE;
import static org.peaktrade.http.fixtures.TestTokens.BOB;
import static org.peaktrade.http.fixtures.TestTokens.CAROL;
import static org.peaktrade.http.fixtures.TestTokens.ROOT;
import static org.peaktrade.http.fixtures.TestTokens.VIC;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.app.CliRun.FakeTerminal;
import org.peaktrade.app.fixtures.ApprovalCodes;
import org.peaktrade.app.fixtures.MutableClock;
import org.peaktrade.app.node.Node;
import org.peaktrade.app.node.NodeConfig;
import org.peaktrade.http.ApiJson;
import org.peaktrade.http.fixtures.RecordingSessionService;
import org.peaktrade.http.fixtures.SessionSamples;
import org.peaktrade.http.fixtures.TestTokens.Person;
import org.peaktrade.actors.killswitch.KillSwitchService;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.TriggerKind;
import org.peaktrade.protocol.text.ControlCharacters;

/**
 * The CLI client against a real node started in-process: kill-switch runtime, embedded journal in a temporary data
 * dir, HTTP on a free loopback port, the test tokens configured. alice kills (operator), bob and carol recover
 * (approvers), each with their own token in PEAKTRADE_TOKEN. Each test uses its own session scope, so the tests do not
 * see each other; the node's sessions are a recording facade that holds each such session (a switch answers only for
 * sessions the node knows), and the raw kill-switch runtime it is started with stands in for an old journal.
 */
class KillSwitchCliAgainstNodeTest {

  static final String CODE = "correct horse battery staple";

  @TempDir
  static Path dir;

  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-03-01T12:00:00Z"));
  private static final RecordingSessionService SESSIONS = new RecordingSessionService();
  private static Node node;
  private static String url;
  private static KillSwitchService runtime;

  @BeforeAll
  static void startNode() throws IOException {
    Path conf = NodeFixtures.configWithTokens(dir, ApprovalCodes.hash(CODE), "300s", true);
    node = Node.start(NodeConfig.load(Optional.of(conf), Optional.of(dir.resolve("data")), Optional.of("127.0.0.1"),
        Optional.of(0)), CLOCK, CLOCK, (system, killSwitch, clock) -> {
          runtime = killSwitch;
          return SESSIONS;
        });
    url = node.url().toString();
  }

  @AfterAll
  static void stopNode() {
    node.stop();
  }

  @Test
  void kill_then_status_shows_the_killed_session_with_who_and_why() {
    String session = freshSession();

    CliRun kill = cli(ALICE, "kill", "--reason", "runaway orders", "--session", session);
    CliRun status = cli(VIC, "status", "--session", session);

    assertThat(kill.exitCode()).as(kill.err()).isEqualTo(ExitCodes.OK);
    assertThat(status.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(status.out()).contains("session:" + session + ": KILLED since")
        .contains("killed by alice (MANUAL): runaway orders");
  }

  @Test
  void a_switch_that_never_changed_says_so_instead_of_an_epoch_date() {
    CliRun status = cli(VIC, "status", "--session", freshSession());

    assertThat(status.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(status.out()).contains(": ACTIVE (never triggered, revision 0)").doesNotContain("1970");
  }

  @Test
  void the_global_switch_starts_active() {
    CliRun status = cli(VIC, "status", "--json");

    assertThat(status.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(json(status.out()).get("scope").asText()).isEqualTo("global");
  }

  @Test
  void a_full_recovery_needs_the_code_the_cooldown_and_a_second_person() {
    String session = freshSession();
    cli(ALICE, "kill", "--reason", "stale quotes", "--identity", "alice", "--session", session);

    CliRun request = withCode(BOB, CODE, "recover", "--session", session);
    CliRun early = cli(CAROL, "recover", "--complete", "--session", session);
    CLOCK.advance(Duration.ofSeconds(301));
    CliRun complete = completeOnceMarketDataIsFresh(session);
    CliRun status = cli(VIC, "status", "--session", session, "--json");
    CliRun events = cli(VIC, "kill-switch-events", "--session", session);

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
    cli(ALICE, "kill", "--reason", "test", "--identity", "alice", "--session", session);

    CliRun run = withCode(CAROL, "wrong-code-123", "recover", "--session", session);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(run.err()).contains("BAD_APPROVAL_CODE").doesNotContain("wrong-code-123");
    assertThat(run.out()).doesNotContain("wrong-code-123");
  }

  @Test
  void the_code_can_be_typed_at_the_prompt() {
    String session = freshSession();
    cli(ALICE, "kill", "--reason", "test", "--identity", "alice", "--session", session);

    CliRun run = CliRun.with(new FakeTerminal(Map.of("PEAKTRADE_TOKEN", BOB.token()), new ArrayDeque<>(List.of(CODE)),
        new ArrayDeque<>(), true), "recover", "--session", session, "--url", url);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void recovery_of_an_active_switch_is_refused_as_wrong_state() {
    CliRun run = withCode(BOB, CODE, "recover", "--session", freshSession());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(run.err()).contains("WRONG_STATE").contains("the switch is ACTIVE");
  }

  @Test
  void with_the_two_person_rule_the_approver_cannot_complete_the_recovery() {
    String session = freshSession();
    cli(ALICE, "kill", "--reason", "test", "--identity", "alice", "--session", session);
    withCode(BOB, CODE, "recover", "--session", session);
    CLOCK.advance(Duration.ofSeconds(301));

    CliRun run = cli(BOB, "recover", "--complete", "--session", session);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(run.err()).contains("SAME_PERSON").contains("two-person rule");
  }

  /** Root guesses here so that the lock-out, per approver for the whole node, leaves the other tests' approvers be. */
  @Test
  void repeated_wrong_codes_lock_that_approver_out_even_for_the_right_code_and_no_one_else() {
    String session = freshSession();
    cli(ALICE, "kill", "--reason", "test", "--identity", "alice", "--session", session);
    for (int attempt = 0; attempt < 5; attempt++) {
      withCode(ROOT, "guess-" + attempt, "recover", "--session", session);
    }

    CliRun lockedOut = withCode(ROOT, CODE, "recover", "--session", session);
    CliRun someoneElse = withCode(BOB, CODE, "recover", "--session", session);

    assertThat(lockedOut.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(lockedOut.err()).contains("LOCKED_OUT").containsPattern("retry in (900|899) s");
    assertThat(someoneElse.exitCode()).as(someoneElse.err()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void json_output_is_the_nodes_answer_as_is() {
    String session = freshSession();

    CliRun kill = cli(ALICE, "kill", "--reason", "r", "--identity", "alice", "--session", session, "--json");

    JsonNode answer = json(kill.out());
    assertThat(answer.get("accepted").asBoolean()).isTrue();
    assertThat(answer.get("status").get("state").asText()).isEqualTo("KILLED");
  }

  @Test
  void a_viewer_token_cannot_kill_and_the_cli_says_which_role_is_missing() {
    String session = freshSession();

    CliRun run = cli(VIC, "kill", "--reason", "r", "--session", session);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_AUTHORIZED);
    assertThat(run.err()).contains("not allowed: POST /api/v1/kill-switch/trigger needs the role operator; "
        + "the token 'vic' has viewer");
    assertThat(cli(VIC, "status", "--session", session).out()).contains("ACTIVE");
  }

  @Test
  void an_unknown_token_is_refused_with_exit_code_6() {
    CliRun run = CliRun.with(FakeTerminal.env(Map.of("PEAKTRADE_TOKEN", "made-up")), withUrl(new String[] {"status"}));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_AUTHORIZED);
    assertThat(run.err()).contains("refused the token: the token is not known to this node").doesNotContain("made-up");
  }

  @Test
  void a_session_the_node_does_not_know_is_a_404_naming_it_for_status_and_kill() {
    CliRun status = cli(VIC, "status", "--session", "ghost-1");
    CliRun kill = cli(ALICE, "kill", "--reason", "boo", "--session", "ghost-1");

    assertThat(status.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(status.err()).contains("the node answered 404: no session 'ghost-1' on this node");
    assertThat(kill.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(kill.err()).contains("the node answered 404");
  }

  @Test
  void control_characters_in_an_old_journal_are_printed_escaped_by_status_and_events() throws Exception {
    String session = freshSession();
    runtime.trigger(KillSwitchScope.session(session), TriggerKind.MANUAL, "mallory\u202E", "ha\u0000lt\u001b[2J",
        Map.of("note\u2066", "x\u0085")).toCompletableFuture().get(10, TimeUnit.SECONDS);

    CliRun status = cli(VIC, "status", "--session", session);
    CliRun events = cli(VIC, "kill-switch-events", "--session", session);

    assertThat(status.out()).contains("killed by mallory\\u202E (MANUAL): ha\\u0000lt\\u001B[2J");
    assertThat(events.out()).contains("mallory\\u202E").contains("ha\\u0000lt\\u001B[2J")
        .contains("note\\u2066").contains("x\\u0085");
    for (String printed : List.of(status.out(), events.out())) {
      assertThat(printed.codePoints().filter(c -> c != '\n' && ControlCharacters.isRefused(c)).toArray())
          .as("raw control characters printed").isEmpty();
    }
  }

  @Test
  void a_kill_naming_someone_else_than_the_token_owner_is_refused() {
    CliRun run = cli(ALICE, "kill", "--reason", "r", "--identity", "bob", "--session", freshSession());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.err()).contains("field 'identity' is 'bob' but the token belongs to 'alice'");
  }

  private static CliRun cli(Person person, String... args) {
    return CliRun.with(FakeTerminal.env(Map.of("PEAKTRADE_TOKEN", person.token())), withUrl(args));
  }

  private static CliRun withCode(Person person, String code, String... args) {
    return CliRun.with(FakeTerminal.env(Map.of("PEAKTRADE_TOKEN", person.token(), "PEAKTRADE_APPROVAL_CODE", code)),
        withUrl(args));
  }

  private static String[] withUrl(String[] args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--url";
    all[args.length + 1] = url;
    return all;
  }

  /** A session id the node's sessions hold, so its switch answers. */
  private static String freshSession() {
    String id = "t-" + UUID.randomUUID().toString().substring(0, 8);
    SESSIONS.holding(SessionSamples.trading(id));
    return id;
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
    CliRun complete = cli(CAROL, "recover", "--complete", "--identity", "carol", "--session", session);
    while (complete.exitCode() != ExitCodes.OK && complete.err().contains("market-data-fresh")
        && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      complete = cli(CAROL, "recover", "--complete", "--identity", "carol", "--session", session);
    }
    return complete;
  }
}
