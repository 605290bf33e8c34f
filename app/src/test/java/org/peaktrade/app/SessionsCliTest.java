package org.peaktrade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.pattern.AskTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peaktrade.actors.session.SessionRefusedException;
import org.peaktrade.http.ApiJson;
import org.peaktrade.app.CliRun.FakeTerminal;
import org.peaktrade.http.HttpServer;
import org.peaktrade.http.auth.Authorization;
import org.peaktrade.http.fixtures.TestTokens;
import org.peaktrade.http.SessionRoutes;
import org.peaktrade.http.fixtures.RecordingSessionService;
import org.peaktrade.http.fixtures.RecordingSessionService.Start;
import org.peaktrade.http.fixtures.SessionSamples;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.session.SessionMode;
import org.peaktrade.protocol.session.SessionSpec;

/**
 * {@code peak-trade sessions ...} against the sessions API served in-process on a loopback port, with a recording
 * double in place of the session actors.
 */
class SessionsCliTest {

  private static ActorSystem<Void> system;

  private RecordingSessionService service;
  /** alice is an operator: she may list, show, start and stop sessions. */
  private static final FakeTerminal AS_ALICE = FakeTerminal.env(Map.of("PEAKTRADE_TOKEN", TestTokens.ALICE.token()));

  private String url;

  @BeforeAll
  static void startSystem() {
    system = ActorSystem.create(Behaviors.empty(), "sessions-cli-test",
        ConfigFactory.parseString("pekko.loglevel = WARNING\npekko.stdout-loglevel = WARNING")
            .withFallback(ConfigFactory.load()));
  }

  @AfterAll
  static void stopSystem() {
    system.terminate();
  }

  @BeforeEach
  void bind() {
    service = new RecordingSessionService();
    InetSocketAddress address = HttpServer.start(system,
        new Authorization(TestTokens.tokens()).secure(new SessionRoutes(service).route()), "127.0.0.1", 0);
    url = "http://127.0.0.1:" + address.getPort();
  }

  @Test
  void list_prints_one_line_per_session_with_exact_equity() {
    service.holding(SessionSamples.trading("paper-1")).holding(SessionSamples.paused("shadow-2"));

    CliRun run = cli("sessions", "list");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(run.out().lines().toList()).hasSize(3);
    assertThat(run.out()).containsPattern("ID +STATUS +MODE +STRATEGY +SYMBOL +EQUITY")
        .containsPattern("paper-1 +RUNNING +PAPER +ma-cross +BTC/USD +12345678901234567.89 +0.15 +42")
        .containsPattern("shadow-2 +PAUSED");
  }

  @Test
  void list_and_show_name_the_member_running_each_session() {
    service.holding(SessionSamples.trading("paper-1"));

    CliRun list = cli("sessions", "list");
    CliRun show = cli("sessions", "show", "paper-1");

    assertThat(list.out()).containsPattern("STARTED +MEMBER\\n")
        .containsPattern("paper-1 .* 2024-03-01T12:00:00Z +pekko://peak-trade@127.0.0.1:25521\\n");
    assertThat(show.out()).contains("paper-1: RUNNING (PAPER) since 2024-03-01T12:00:00Z\n"
        + "  member    pekko://peak-trade@127.0.0.1:25521\n");
  }

  @Test
  void list_of_a_node_without_sessions_says_so() {
    CliRun run = cli("sessions", "list");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("no sessions on the node at " + url);
  }

  @Test
  void start_sends_every_option_and_prints_the_new_session() {
    CliRun run = cli("sessions", "start", "--id", "paper-1", "--strategy", "ma-cross", "--param", "fast=5",
        "--param", "slow=20", "--symbol", "BTC/USD", "--mode", "paper", "--sizing", "qty:0.5", "--risk-profile",
        "conservative", "--cash", "2500.12345678", "--fee-bps", "7.5", "--slippage-bps", "0");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(service.calls).contains(new Start(new SessionSpec("paper-1", "ma-cross", Map.of("fast", "5",
        "slow", "20"), Symbol.of("BTC/USD"), SessionMode.PAPER, "qty:0.5", "conservative",
        new BigDecimal("2500.12345678"), new BigDecimal("7.5"), BigDecimal.ZERO)));
    assertThat(run.out()).contains("session paper-1 started", "paper-1: RUNNING (PAPER) since 2024-03-01T12:00:00Z",
        "strategy  ma-cross fast=5 slow=20 on BTC/USD", "starting cash 2500.12345678",
        "next: 'peak-trade sessions show paper-1 --orders --fills'");
  }

  @Test
  void start_with_only_the_required_options_takes_the_defaults() {
    CliRun run = cli("sessions", "start", "--id", "s1", "--strategy", "rsi-reversion", "--symbol", "ETH/USD",
        "--mode", "SHADOW");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    SessionSpec spec = started();
    assertThat(spec.sizing()).isEqualTo("equity-pct:95");
    assertThat(spec.startingCash()).isEqualByComparingTo("10000");
    assertThat(spec.riskProfile()).isEqualTo("default");
    assertThat(spec.feeBps()).isEqualByComparingTo("10");
    assertThat(spec.slippageBps()).isEqualByComparingTo("2");
    assertThat(spec.params()).isEmpty();
  }

  @Test
  void a_value_the_node_rejects_exits_2_with_the_field_and_value_it_names() {
    CliRun run = cli("sessions", "start", "--id", "s1", "--strategy", "ma-cross", "--param", "fast=x",
        "--symbol", "btc-usd", "--mode", "paper");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("peak-trade: the node rejected the request: ")
        .contains("field 'params' {\"fast\":\"x\"} is invalid: strategy ma-cross: fast must be")
        .contains("field 'symbol' must look like BASE/QUOTE in upper case (e.g. BTC/USD), not \"btc-usd\"");
    assertThat(service.calls).isEmpty();
  }

  @Test
  void an_amount_that_is_not_a_decimal_exits_2_before_calling_the_node() {
    CliRun run = cli("sessions", "start", "--id", "s1", "--strategy", "ma-cross", "--symbol", "BTC/USD",
        "--mode", "paper", "--cash", "ten");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--cash is not a finite decimal number: 'ten'")
        .contains("Run 'peak-trade sessions start --help' for usage.");
    assertThat(service.calls).isEmpty();
  }

  @Test
  void an_unknown_mode_exits_2_naming_the_modes() {
    CliRun run = cli("sessions", "start", "--id", "s1", "--strategy", "ma-cross", "--symbol", "BTC/USD",
        "--mode", "demo");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--mode must be one of SHADOW, PAPER, TESTNET, LIVE (any case), not 'demo'");
    assertThat(service.calls).isEmpty();
  }

  @Test
  void start_without_an_id_exits_2_naming_the_missing_option() {
    CliRun run = cli("sessions", "start", "--strategy", "ma-cross", "--symbol", "BTC/USD", "--mode", "paper");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("Missing required option: '--id=ID'");
  }

  @Test
  void a_start_the_node_refuses_exits_4_with_its_reason() {
    service.startFailure = new SessionRefusedException("LIVE refused: DRY_RUN_OFF (dry-run is on)");

    CliRun run = cli("sessions", "start", "--id", "live-1", "--strategy", "ma-cross", "--symbol", "BTC/USD",
        "--mode", "live");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(run.err())
        .contains("peak-trade: the node refused the session: LIVE refused: DRY_RUN_OFF (dry-run is on)");
  }

  @Test
  void starting_an_id_in_use_exits_4() {
    service.holding(SessionSamples.trading("paper-1"));

    CliRun run = cli("sessions", "start", "--id", "paper-1", "--strategy", "ma-cross", "--symbol", "BTC/USD",
        "--mode", "paper");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(run.err()).contains("a session with id 'paper-1' already exists (RUNNING); choose another id");
  }

  @Test
  void show_prints_status_strategy_and_account() {
    service.holding(SessionSamples.paused("paper-1"));

    CliRun run = cli("sessions", "show", "paper-1");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("paper-1: PAUSED (PAPER) since 2024-03-01T12:00:00Z",
        "reason    market data stale for 120 s",
        "sizing    equity-pct:95, risk profile default, fee 10 bps, slippage 2 bps, starting cash 10000",
        "bars      42 seen, last opened 2024-03-01T12:41:00Z",
        "account   cash 512.34567891, equity 12345678901234567.89, realized P&L 12.5, fees 3.21",
        "position  0.15 BTC, open orders 1, fills 3",
        "orders    ACCEPTED 1, FILLED 1");
    assertThat(run.out()).doesNotContain("Orders:");
  }

  @Test
  void show_prints_what_a_session_behind_its_feed_is_doing_and_nothing_when_it_keeps_up() {
    service.holding(SessionSamples.trading("p").catchingUp("catching up: took 500 bars at once, up to the bar of "
        + "2024-03-01T20:00:00Z"));
    CliRun behind = cli("sessions", "show", "p");
    service.holding(SessionSamples.trading("q"));
    CliRun keepingUp = cli("sessions", "show", "q");

    assertThat(behind.out()).as(behind.err())
        .contains("feed      catching up: took 500 bars at once, up to the bar of 2024-03-01T20:00:00Z");
    assertThat(keepingUp.out()).as(keepingUp.err()).contains("bars      42 seen").doesNotContain("feed ");
  }

  @Test
  void show_with_every_list_prints_orders_fills_positions_and_equity_exactly() {
    service.holding(SessionSamples.trading("p"));

    CliRun run = cli("sessions", "show", "p", "--orders", "--fills", "--positions", "--equity");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(run.out())
        .containsPattern("Orders:\\n +ORDER +SIDE +TYPE +QUANTITY +PRICE +STATUS +FILLED +AVG PRICE +UPDATED +REASON")
        .containsPattern("p-1 +BUY +MARKET +0.15 +- +FILLED +0.15 +42000.00000001 +2024-03-01T12:02:00Z +-")
        .containsPattern("p-2 +SELL +LIMIT +0.15 +43000.5 +ACCEPTED +0 +- ")
        .containsPattern("Fills:\\n +TIME .*\\n +2024-03-01T12:02:00Z +p-1 +BUY +0.15 +42000.00000001 "
            + "+6.3000000000015 +TAKER")
        .containsPattern("Positions:\\n.*\\n +BTC/USD +0.15 +42000.00000001 +42100 +14.9999999999985")
        .containsPattern("Equity:\\n +TIME +EQUITY\\n +2024-03-01T12:01:00Z +10000\\n +2024-03-01T12:02:00Z +9993.7\\n"
            + " +2024-03-01T12:03:00Z +10008.69999999999");
  }

  @Test
  void json_prints_each_answer_of_the_node_on_its_own_line() throws IOException {
    service.holding(SessionSamples.trading("p"));

    CliRun run = cli("sessions", "show", "p", "--equity", "--json");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    var lines = run.out().lines().toList();
    assertThat(lines).hasSize(2);
    JsonNode view = ApiJson.MAPPER.readTree(lines.get(0));
    assertThat(view.get("spec").get("id").asText()).isEqualTo("p");
    assertThat(lines.get(1)).contains("\"equity\":10008.69999999999");
  }

  @Test
  void show_of_an_unknown_session_exits_2_and_points_to_the_list() {
    CliRun run = cli("sessions", "show", "ghost", "--orders");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("no session 'ghost' on this node").contains("'peak-trade sessions list'");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void an_id_no_session_can_have_exits_2_before_calling_the_node() {
    CliRun run = cli("sessions", "show", "../kill-switch");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("a session id is 1-64 of A-Z a-z 0-9 . _ -, not '../kill-switch'");
    assertThat(service.calls).isEmpty();
  }

  @Test
  void stop_prints_the_stopped_session() {
    service.holding(SessionSamples.trading("paper-1"));

    CliRun run = cli("sessions", "stop", "paper-1");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("session paper-1 stopped", "paper-1: STOPPED (PAPER)",
        "reason    stopped by an operator", "open orders 0");
  }

  @Test
  void stop_of_an_unknown_session_exits_2() {
    CliRun run = cli("sessions", "stop", "ghost");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("no session 'ghost' on this node");
  }

  @Test
  void sessions_that_do_not_answer_in_time_exit_5() {
    service.failure = new AskTimeoutException("ask timed out");

    CliRun run = cli("sessions", "list");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(run.err()).contains("the node at " + url + " is up but its sessions service is unavailable: "
        + "the sessions did not answer in time");
  }

  @Test
  void a_node_that_is_not_running_exits_5_with_the_url_in_the_message() throws IOException {
    String down = "http://127.0.0.1:" + unusedPort();

    for (String[] args : new String[][] {{"sessions", "list"}, {"sessions", "show", "p"}, {"sessions", "stop", "p"},
        {"sessions", "start", "--id", "p", "--strategy", "ma-cross", "--symbol", "BTC/USD", "--mode", "paper"}}) {
      CliRun run = CliRun.with(AS_ALICE, append(args, "--url", down));

      assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCodes.UNREACHABLE);
      assertThat(run.err()).contains("cannot reach the node at " + down).contains("peak-trade node");
    }
  }

  @Test
  void sessions_alone_prints_its_subcommands() {
    CliRun run = CliRun.of("sessions");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("list", "start", "show", "stop", "peak-trade sessions show paper-1 --orders");
  }

  private SessionSpec started() {
    return service.calls.stream().filter(Start.class::isInstance).map(call -> ((Start) call).spec()).findFirst()
        .orElseThrow(() -> new AssertionError("no start reached the service: " + service.calls));
  }

  private CliRun cli(String... args) {
    return CliRun.with(AS_ALICE, append(args, "--url", url));
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
