package org.peaktrade.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.peaktrade.engine.fixtures.Bars.BTC_USD;
import static org.peaktrade.engine.fixtures.Bars.bar;
import static org.peaktrade.engine.strategy.Direction.FLAT;
import static org.peaktrade.engine.strategy.Direction.LONG;
import static org.peaktrade.engine.strategy.Direction.SHORT;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peaktrade.engine.execution.EntryStyle;
import org.peaktrade.engine.execution.FeeModel;
import org.peaktrade.engine.execution.Sizing;
import org.peaktrade.engine.execution.SlippageModel;
import org.peaktrade.engine.fixtures.ScriptedStrategy;
import org.peaktrade.engine.risk.RiskLimits;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.risk.RiskCheck;

class BacktestEngineTest {
  private static final List<Bar> BARS = List.of(
      bar(0, "100", "101", "99", "100"),
      bar(1, "101", "104", "100", "103"),
      bar(2, "104", "106", "103", "105"),
      bar(3, "106", "107", "101", "102"),
      bar(4, "101", "102", "98", "99"));

  private static BacktestConfig config(String fee, String slippage, boolean allowShort) {
    return new BacktestConfig(Money.of("1000"), Sizing.parse("qty:1"), FeeModel.flat(new BigDecimal(fee)),
        new SlippageModel(new BigDecimal(slippage)), EntryStyle.MARKET, allowShort);
  }

  private static BacktestResult run(BacktestConfig config, ScriptedStrategy strategy) {
    return new BacktestEngine(BTC_USD, config).run(BARS, strategy, BacktestProgress.NONE);
  }

  @Test
  void aDecisionOnABarFillsAtTheNextBarsOpen() {
    BacktestResult result = run(config("0", "0", false), new ScriptedStrategy(LONG, LONG, FLAT));

    assertThat(result.fills()).extracting(Fill::price).containsExactly(Price.of("101"), Price.of("106"));
    assertThat(result.fills()).extracting(Fill::time).containsExactly(BARS.get(1).openTime(), BARS.get(3).openTime());
    assertThat(result.trades()).singleElement().satisfies(trip -> assertThat(trip.netPnl()).isEqualTo(Money.of("5")));
    assertThat(result.finalEquity()).isEqualTo(Money.of("1005"));
  }

  @Test
  void noFillIsEverStampedBeforeTheDecisionThatCausedIt() {
    BacktestResult result = run(config("0", "0", true), new ScriptedStrategy(LONG, SHORT, LONG, SHORT, LONG));

    for (Fill fill : result.fills()) {
      var order = result.orders().stream().filter(o -> o.id().equals(fill.orderId())).findFirst().orElseThrow();
      assertThat(fill.time()).isAfterOrEqualTo(order.createdAt());
    }
    assertThat(result.fills()).hasSize(7);
  }

  @Test
  void aDecisionOnTheLastBarStaysAnOpenOrder() {
    BacktestResult result = run(config("0", "0", false), new ScriptedStrategy(FLAT, FLAT, FLAT, FLAT, LONG));

    assertThat(result.fills()).isEmpty();
    assertThat(result.openOrders()).hasSize(1);
    assertThat(result.finalEquity()).isEqualTo(Money.of("1000"));
  }

  @Test
  void feesAndSlippageAreChargedOnBothLegs() {
    BacktestResult result = run(config("10", "10", false), new ScriptedStrategy(LONG, LONG, FLAT));

    // buy at 101 * 1.001 = 101.101 -> 101.2 (tick 0.1, rounded up); sell at 106 * 0.999 = 105.894 -> 105.8
    assertThat(result.fills()).extracting(Fill::price).containsExactly(Price.of("101.2"), Price.of("105.8"));
    assertThat(result.totalFees()).isEqualTo(Money.of("0.2070"));
    assertThat(result.finalEquity()).isEqualTo(Money.of("1004.393"));
    assertThat(result.trades().get(0).netPnl()).isEqualTo(Money.of("4.393"));
  }

  @Test
  void anOpenPositionIsValuedAtTheLastClose() {
    BacktestResult result = run(config("0", "0", true), new ScriptedStrategy(SHORT));

    assertThat(result.finalPosition().quantity()).isEqualByComparingTo("-1");
    assertThat(result.finalEquity()).isEqualTo(Money.of("1002"));
    assertThat(result.trades()).isEmpty();
  }

  @Test
  void theEquityCurveHasOnePointPerBarMarkedAtItsClose() {
    BacktestResult result = run(config("0", "0", false), new ScriptedStrategy(LONG));

    assertThat(result.equityCurve().equity()).containsExactly(1000, 1002, 1004, 1001, 998);
    assertThat(result.equityCurve().closeTimesMillis()[0]).isEqualTo(BARS.get(0).closeTime().toEpochMilli());
  }

  @Test
  void theStrategySeesEachBarOnceInOrder() {
    ScriptedStrategy strategy = new ScriptedStrategy(FLAT);
    run(config("0", "0", false), strategy);

    assertThat(strategy.seen()).containsExactlyElementsOf(BARS);
  }

  @Test
  void anExpiredLimitEntryIsReportedAndNeverFills() {
    BacktestConfig config = new BacktestConfig(Money.of("1000"), Sizing.parse("qty:1"), FeeModel.NONE,
        SlippageModel.NONE, EntryStyle.parse("limit:500:1"), false);
    BacktestResult result = new BacktestEngine(BTC_USD, config).run(BARS, new ScriptedStrategy(LONG),
        BacktestProgress.NONE);

    assertThat(result.fills()).isEmpty();
    assertThat(result.expiredOrders()).hasSize(1);
  }

  @Test
  void refusesAnEmptySeries() {
    assertThatThrownBy(() -> new BacktestEngine(BTC_USD, config("0", "0", false)).run(List.of(),
        new ScriptedStrategy(FLAT), BacktestProgress.NONE)).hasMessageContaining("at least one bar");
  }

  @Test
  void ordersTheRiskCheckBlocksAreRecordedAndNeverFill() {
    BacktestConfig config = config("0", "0", false)
        .withRisk(RiskLimits.builder().maxOrderNotional("102").build());
    BacktestResult result = run(config, new ScriptedStrategy(FLAT, LONG, FLAT, LONG));

    // LONG on bar 1 (close 103): notional 103 reaches the limit; LONG on bar 3 (close 102): 102 reaches it too.
    assertThat(result.fills()).isEmpty();
    assertThat(result.ordersBlockedByRisk()).isEqualTo(2);
    assertThat(result.riskOutcomes()).allSatisfy(outcome -> {
      assertThat(outcome.submitted()).isFalse();
      assertThat(outcome.decision().violations()).singleElement()
          .satisfies(v -> assertThat(v.check()).isEqualTo(RiskCheck.MAX_ORDER_NOTIONAL));
    });
  }

  @Test
  void riskWarningsAreRecordedButTheOrderStillFills() {
    BacktestConfig config = config("0", "0", false)
        .withRisk(RiskLimits.builder().maxOrderNotional("110").build());
    BacktestResult result = run(config, new ScriptedStrategy(LONG));

    assertThat(result.fills()).hasSize(1);
    assertThat(result.riskOutcomes()).singleElement()
        .satisfies(outcome -> assertThat(outcome.submitted()).isTrue());
  }
}
