package org.peaktrade.actors.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.actors.cluster.InJvmClusterNode.await;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.actors.fixtures.Polling;
import org.peaktrade.actors.fixtures.SessionHarness;
import org.peaktrade.actors.session.SessionFeeds;
import org.peaktrade.actors.session.SessionPlan;
import org.peaktrade.actors.session.SessionSettings;
import org.peaktrade.engine.backtest.BacktestConfig;
import org.peaktrade.engine.backtest.BacktestEngine;
import org.peaktrade.engine.backtest.BacktestProgress;
import org.peaktrade.engine.backtest.BacktestResult;
import org.peaktrade.engine.session.LivePolicy;
import org.peaktrade.engine.session.ModeGates;
import org.peaktrade.engine.strategy.StrategyCatalog;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.session.OrderView;
import org.peaktrade.protocol.session.SessionMode;
import org.peaktrade.protocol.session.SessionSpec;
import org.peaktrade.protocol.session.SessionView;

/**
 * Sessions moved between members in the middle of their run end exactly as if they had never moved: node A runs
 * every session; B joins and the coordinator rebalances some of them to it while they trade; B leaves and hands them
 * back. Each session then finishes the candles, and its fills (price, quantity, fee, time), cash, equity and order ids
 * equal those of a backtest of the same candles with the session's own plan (strategy, sizing, costs, risk limits):
 * the uninterrupted run the one trading core gives. Warm-ups and catch-ups after each move read the bars each
 * member's feed published.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionMoveIdentityIT {
  private static final int SESSIONS = 6;
  private static final int BARS = 1500;
  private static final Map<String, String> PARAMS = Map.of("fast", "5", "slow", "15");
  private static final BigDecimal CASH = new BigDecimal("10000");
  private static final Duration WAIT = Duration.ofSeconds(120);

  @TempDir
  static Path dataDir;

  private InJvmCluster cluster;

  @BeforeAll
  void prepare() throws Exception {
    cluster = new InJvmCluster("move-identity", dataDir, 2, BARS);
  }

  @AfterAll
  void stopNodes() throws Exception {
    cluster.close();
  }

  private InJvmClusterNode startNode(int member) {
    return cluster.start(member, Duration.ofMillis(20),
        "peaktrade.sessions.instruments.\"BTC/USD\".tick-size = 0.001");
  }

  @Test
  void sessionsMovedWhileTheyTradeEndWithTheFillsLedgerAndOrderIdsOfAnUninterruptedRun() throws Exception {
    InJvmClusterNode a = startNode(0);
    eventually("A up", () -> a.upMembers() == 1);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < SESSIONS; i++) {
      ids.add(await(a.sessions.start(spec("moved-" + i))).spec().id());
    }
    eventually("every session trading on A", () -> a.hostedSessions().equals(ids)
        && await(a.sessions.list()).stream().allMatch(view -> view.barsSeen() > 50));

    InJvmClusterNode b = startNode(1);
    eventually("some sessions rebalanced to B", () -> !b.hostedSessions().isEmpty());
    Set<String> moved = b.hostedSessions();
    eventually("the moved sessions trading on B", () -> moved.stream()
        .allMatch(id -> await(b.sessions.get(id)).map(view -> b.hostedSessions().contains(id)).orElse(false)));
    List<SessionView> beforeLeaving = await(a.sessions.list());
    b.leave();
    eventually("every session back on A", () -> a.upMembers() == 1 && a.hostedSessions().equals(ids));
    eventually("every session through the candles", () -> await(a.sessions.list()).stream()
        .filter(view -> ids.contains(view.spec().id())).allMatch(view -> view.barsSeen() == BARS));

    assertThat(moved).as("sessions that moved to B and back").isNotEmpty();
    assertThat(beforeLeaving).as("B left while the sessions were mid-run")
        .allSatisfy(view -> assertThat(view.barsSeen()).isLessThan(BARS));
    for (String id : ids) {
      BacktestResult uninterrupted = backtest(a, id);
      SessionView view = await(a.sessions.get(id)).orElseThrow();
      List<Fill> fills = await(a.sessions.fills(id)).orElseThrow();
      List<OrderView> orders = await(a.sessions.orders(id)).orElseThrow();

      assertThat(uninterrupted.fills()).as("the backtest trades").hasSizeGreaterThan(20);
      assertThat(fills.stream().map(SessionMoveIdentityIT::withoutId).toList()).as(id)
          .containsExactlyElementsOf(uninterrupted.fills().stream().map(SessionMoveIdentityIT::withoutId).toList());
      assertThat(view.cash()).as(id).isEqualTo(uninterrupted.finalCash());
      assertThat(view.equity()).as(id).isEqualTo(uninterrupted.finalEquity());
      List<String> expectedIds = new ArrayList<>();
      for (int n = 1; n <= orders.size(); n++) {
        expectedIds.add(id + "-" + n);
      }
      assertThat(orders).as("%s: ids gapless, none twice", id).extracting(order -> order.order().id().value())
          .containsExactlyElementsOf(expectedIds);
    }
  }

  /** The backtest of the candles with the plan {@code id}'s session runs on (resolved as the node resolves it). */
  private BacktestResult backtest(InJvmClusterNode node, String id) {
    com.typesafe.config.Config config = node.system.settings().config();
    SessionPlan plan = SessionPlan.resolve(spec(id), SessionSettings.fromConfig(config), config,
        SessionFeeds.of(Map.of(Bars.BTC, SessionHarness.replay(cluster.candles))),
        new ModeGates(LivePolicy.DISABLED, false),
        node.gateView.check(id));
    return new BacktestEngine(plan.instrument(), new BacktestConfig(new Money(CASH), plan.sizing(), plan.fees(),
        plan.slippage(), plan.entry(), plan.allowShort()).withRisk(plan.risk()))
        .run(cluster.candles, StrategyCatalog.create("ma-cross", PARAMS), BacktestProgress.NONE);
  }

  private static String withoutId(Fill fill) {
    return fill.side() + " " + fill.quantity() + " @ " + fill.price() + " fee " + fill.fee() + " "
        + fill.liquidity() + " " + fill.time();
  }

  private static SessionSpec spec(String id) {
    return new SessionSpec(id, "ma-cross", PARAMS, Bars.BTC, SessionMode.SHADOW, "equity-pct:95", "default", CASH,
        new BigDecimal("10"), new BigDecimal("2"));
  }

  private static void eventually(String what, Callable<Boolean> condition) throws Exception {
    Polling.until(what, WAIT, condition);
  }
}
