package org.peaktrade.actors.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.actors.fixtures.SessionHarness;
import org.peaktrade.engine.backtest.BacktestConfig;
import org.peaktrade.engine.backtest.BacktestEngine;
import org.peaktrade.engine.backtest.BacktestProgress;
import org.peaktrade.engine.backtest.BacktestResult;
import org.peaktrade.engine.backtest.EquityCurve;
import org.peaktrade.engine.data.LoadOptions;
import org.peaktrade.engine.data.LoadedBars;
import org.peaktrade.engine.data.MarketDataFiles;
import org.peaktrade.engine.execution.EntryStyle;
import org.peaktrade.engine.execution.FeeModel;
import org.peaktrade.engine.execution.Sizing;
import org.peaktrade.engine.execution.SlippageModel;
import org.peaktrade.engine.risk.RiskLimits;
import org.peaktrade.engine.strategy.StrategyCatalog;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.session.EquityPoint;
import org.peaktrade.protocol.session.SessionMode;
import org.peaktrade.protocol.session.SessionSpec;
import org.peaktrade.protocol.session.SessionStatus;
import org.peaktrade.protocol.session.SessionView;

/**
 * The parity proof: the first 3000 real BTC one-minute candles of {@code data/demo/btc-perp-1m-2022-01.csv}, replayed
 * through a SHADOW session (actors, journal, risk gate, kill-switch gate, paper executor) and through
 * {@link BacktestEngine} with the same strategy, sizing, fees, slippage and risk limits, give the same fills (price,
 * quantity, fee, liquidity, side, time) and the same final equity, exactly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
class ShadowBacktestParityTest {
  private static final int BARS = 3000;
  private static final Map<String, String> PARAMS = Map.of("fast", "10", "slow", "30");
  private static final BigDecimal CASH = new BigDecimal("10000");
  private static final BigDecimal FEE_BPS = new BigDecimal("10");
  private static final BigDecimal SLIPPAGE_BPS = new BigDecimal("2");
  private static final String SIZING = "equity-pct:95";

  /** The testkit journal re-reads a persistence id's whole history on every write when it serializes: off here. */
  @JUnit5TestKit
  final ActorTestKit testKit = new JUnit5TestKitBuilder().withCustomConfig(SessionHarness.config(ConfigFactory
      .parseString("pekko.persistence.testkit.events.serialize = off\n"
          + "pekko.persistence.testkit.snapshots.serialize = off")
      .withFallback(ConfigFactory.load()))).build();

  @TempDir
  static Path dataDir;

  private LoadedBars loaded;
  private List<Bar> bars;
  private BacktestResult backtest;
  private SessionView session;
  private List<Fill> sessionFills;
  private List<EquityPoint> sessionEquity;

  /** Replays the candles through both once; the tests compare the two outcomes. */
  @BeforeAll
  void replayThroughBoth() throws IOException {
    loaded = MarketDataFiles.load(Bars.demoData().resolve("btc-perp-1m-2022-01.csv"), LoadOptions.defaults());
    bars = loaded.bars().subList(0, BARS);
    // The backtest infers the tick from the file (prices with up to 3 decimals); the session is configured alike.
    SessionHarness harness = new SessionHarness(testKit,
        SessionHarness.settings(dataDir, "peaktrade.sessions.instruments.\"BTC/USD\".tick-size = 0.001"));
    RiskLimits limits = RiskLimits.builder().build();

    backtest = new BacktestEngine(loaded.instrument(), new BacktestConfig(new Money(CASH), Sizing.parse(SIZING),
        FeeModel.flat(FEE_BPS), new SlippageModel(SLIPPAGE_BPS), EntryStyle.MARKET, false).withRisk(limits))
        .run(bars, StrategyCatalog.create("ma-cross", PARAMS), BacktestProgress.NONE);

    SessionSpec spec = new SessionSpec(SessionHarness.freshId("parity"), "ma-cross", PARAMS, Bars.BTC,
        SessionMode.SHADOW, SIZING, "default", CASH, FEE_BPS, SLIPPAGE_BPS);
    SessionPlan plan = SessionPlan.resolve(spec, harness.settings, ConfigFactory.load(),
        SessionFeeds.of(Map.of(Bars.BTC, SessionHarness.replay(bars))), harness.deps().modeGates(),
        harness.gateView.check(spec.id()));
    assertThat(plan.instrument()).isEqualTo(loaded.instrument());
    plan = new SessionPlan(plan.spec(), plan.instrument(), plan.strategies(), plan.sizing(), plan.entry(),
        plan.allowShort(), plan.fees(), plan.slippage(), limits, plan.feed());
    ActorRef<TradingSession.Command> shadow = harness.spawn(plan);
    session = harness.awaitBars(shadow, BARS);
    sessionFills = harness.ask(shadow, TradingSession.GetFills::new);
    sessionEquity = harness.ask(shadow, TradingSession.GetEquity::new);
  }

  @Test
  void theSessionsEquityCurveFromThePublishedBarsIsTheBacktestsBarForBar() {
    EquityCurve curve = backtest.equityCurve();

    assertThat(sessionEquity).hasSize(curve.size()).hasSize(BARS);
    for (int i = 0; i < BARS; i++) {
      assertThat(sessionEquity.get(i).time().toEpochMilli()).isEqualTo(curve.closeTimesMillis()[i]);
      assertThat(sessionEquity.get(i).equity().amount().doubleValue()).as("bar %d", i)
          .isCloseTo(curve.equity()[i], offset(1e-6));
    }
    assertThat(sessionEquity.get(BARS - 1).equity()).isEqualTo(backtest.finalEquity());
  }

  @Test
  void theSessionFillsExactlyWhatTheBacktestFills() {
    assertThat(backtest.fills()).hasSizeGreaterThan(20);
    assertThat(sessionFills.stream().map(ShadowBacktestParityTest::withoutId).toList())
        .containsExactlyElementsOf(backtest.fills().stream().map(ShadowBacktestParityTest::withoutId).toList());
  }

  @Test
  void theSessionEndsWithTheBacktestsEquityCashFeesAndPositionToTheLastDigit() {
    assertThat(session.status()).isEqualTo(SessionStatus.RUNNING);
    assertThat(session.equity()).isEqualTo(backtest.finalEquity());
    assertThat(session.cash()).isEqualTo(backtest.finalCash());
    assertThat(session.fees()).isEqualTo(backtest.totalFees());
    assertThat(session.position()).isEqualByComparingTo(backtest.finalPosition().quantity());
  }

  @Test
  void theSessionsOrderIdsAreItsIdAndAGaplessSequence() {
    assertThat(sessionFills).extracting(fill -> fill.orderId().value())
        .allMatch(id -> id.startsWith(session.spec().id() + "-"));
    assertThat(sessionFills).extracting(Fill::orderId).doesNotHaveDuplicates();
  }

  /** A fill's content without the order id, whose owner part differs by design ("bt" vs the session id). */
  private static String withoutId(Fill fill) {
    return fill.side() + " " + fill.quantity() + " @ " + fill.price() + " fee " + fill.fee() + " "
        + fill.liquidity() + " " + fill.time();
  }
}
