package org.peaktrade.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradeStatisticsTest {

  @Test
  void mixedTradesGiveCountsRatiosAndAverages() {
    TradeStatistics statistics = statisticsOf("100", "-50", "30", "-20", "0");

    assertThat(statistics.numberOfTrades()).isEqualTo(5);
    assertThat(statistics.winningTrades()).isEqualTo(2);
    assertThat(statistics.losingTrades()).isEqualTo(2);
    assertThat(statistics.winRate()).isEqualTo(0.4);
    assertThat(statistics.profitFactor()).isCloseTo(130.0 / 70.0, within(1e-15));
    assertThat(statistics.grossProfit()).isEqualByComparingTo("130");
    assertThat(statistics.grossLoss()).isEqualByComparingTo("-70");
    assertThat(statistics.netProfit()).isEqualByComparingTo("60");
    assertThat(statistics.expectancy()).isEqualTo(new BigDecimal("12.00000000"));
    assertThat(statistics.averageWin()).isEqualTo(new BigDecimal("65.00000000"));
    assertThat(statistics.averageLoss()).isEqualTo(new BigDecimal("-35.00000000"));
    assertThat(statistics.largestWin()).isEqualByComparingTo("100");
    assertThat(statistics.largestLoss()).isEqualByComparingTo("-50");
  }

  @Test
  void sumsAreExactWhereDoublesWouldDrift() {
    TradeStatistics statistics = statisticsOf("0.1", "0.2", "-0.3");

    assertThat(statistics.netProfit()).isEqualByComparingTo("0");
    assertThat(statistics.profitFactor()).isEqualTo(1.0);
  }

  @Test
  void averagesRoundHalfToEvenAtEightDecimals() {
    TradeStatistics statistics = statisticsOf("0.00000003", "0.00000002");

    assertThat(statistics.averageWin()).isEqualTo(new BigDecimal("0.00000002"));
  }

  @Test
  void onlyWinningTradesHaveAnInfiniteProfitFactor() {
    TradeStatistics statistics = statisticsOf("5", "7");

    assertThat(statistics.profitFactor()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(statistics.winRate()).isEqualTo(1.0);
    assertThat(statistics.averageLoss()).isEqualByComparingTo("0");
    assertThat(statistics.largestLoss()).isEqualByComparingTo("0");
  }

  @Test
  void onlyLosingTradesHaveAZeroProfitFactor() {
    TradeStatistics statistics = statisticsOf("-5", "-7");

    assertThat(statistics.profitFactor()).isZero();
    assertThat(statistics.winRate()).isZero();
    assertThat(statistics.largestLoss()).isEqualByComparingTo("-7");
  }

  @Test
  void onlyBreakEvenTradesCountAsTradesButLeaveTheProfitFactorUndefined() {
    TradeStatistics statistics = statisticsOf("0", "0");

    assertThat(statistics.numberOfTrades()).isEqualTo(2);
    assertThat(statistics.winRate()).isZero();
    assertThat(statistics.profitFactor()).isNaN();
  }

  @Test
  void noTradesLeaveRatiosUndefinedAndAmountsZero() {
    TradeStatistics statistics = TradeStatistics.of(List.of());

    assertThat(statistics.numberOfTrades()).isZero();
    assertThat(statistics.winRate()).isNaN();
    assertThat(statistics.profitFactor()).isNaN();
    assertThat(statistics.expectancy()).isEqualByComparingTo("0");
    assertThat(statistics.averageWin()).isEqualByComparingTo("0");
    assertThat(statistics.largestWin()).isEqualByComparingTo("0");
  }

  private static TradeStatistics statisticsOf(String... pnls) {
    return TradeStatistics.of(Arrays.stream(pnls).map(TradeOutcome::of).toList());
  }
}
