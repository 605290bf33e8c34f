package org.peaktrade.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.byLessThan;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks every case of empyrical's own test suite. All 13 metrics in the oracle are implemented, so no case is
 * skipped; a metric this test does not know fails its case rather than being dropped.
 */
class ReturnStatisticsTest {

  private static final int EMPYRICAL_CASE_COUNT = 85;
  /**
   * The oracle file records 8 decimals for tail_ratio, but empyrical's own test_tail_ratio asserts to 1
   * (test_stats.py line 994 at the pinned commit): its stored 0.947 is what treating the NaN as a 0 return gives,
   * while empyrical's code, and ours, drop the NaN and give 0.956. The exact value is pinned separately below.
   */
  private static final Map<String, Integer> DECIMALS_EMPYRICAL_ACTUALLY_ASSERTS = Map.of("tail_ratio", 1);

  @Test
  void oracleStillHoldsEveryEmpyricalCase() {
    assertThat(EmpyricalOracle.cases()).hasSize(EMPYRICAL_CASE_COUNT);
  }

  @TestFactory
  Stream<DynamicTest> everyMetricMatchesEmpyricalsOwnTestCases() {
    List<EmpyricalCase> cases = EmpyricalOracle.cases();
    return cases.stream().map(oracleCase -> dynamicTest(oracleCase.displayName(), () -> check(oracleCase)));
  }

  @Test
  void flatPositiveReturnsHaveInfiniteSharpeBecauseTheyNeverVary() {
    double[] returns = {0.001, 0.001, 0.001, 0.001, 0.001, 0.001, 0.001};

    assertThat(ReturnStatistics.sharpeRatio(returns, 0.0, 365)).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void tailRatioSkipsMissingReturnsBeforeTakingPercentiles() {
    double[] mixedReturns = {Double.NaN, 0.01, 0.1, -0.04, 0.02, 0.03, 0.02, 0.01, -0.1};

    assertThat(ReturnStatistics.tailRatio(mixedReturns)).isCloseTo(0.0755 / 0.079, byLessThan(1e-12));
  }

  @Test
  void seriesAdjustmentOfAnotherLengthIsRejected() {
    double[] returns = {0.01, 0.02, 0.03};

    assertThatIllegalArgumentException()
        .isThrownBy(() -> ReturnStatistics.sharpeRatio(returns, new double[] {0.0, 0.0}, 365))
        .withMessageContaining("2 periods");
  }

  private static void check(EmpyricalCase oracleCase) {
    int decimalPlaces =
        DECIMALS_EMPYRICAL_ACTUALLY_ASSERTS.getOrDefault(oracleCase.metric(), oracleCase.decimalPlaces());
    if (oracleCase.metric().equals("cum_returns")) {
      double[] actual = ReturnStatistics.cumulativeReturns(oracleCase.returns(), oracleCase.scalar("starting_value"));
      double[] expected = oracleCase.expectedValues();
      assertThat(actual).hasSameSizeAs(expected);
      for (int i = 0; i < expected.length; i++) {
        assertAlmostEqual(actual[i], expected[i], decimalPlaces);
      }
      return;
    }
    assertAlmostEqual(metric(oracleCase), oracleCase.expectedValue(), decimalPlaces);
  }

  private static double metric(EmpyricalCase c) {
    double[] returns = c.returns();
    return switch (c.metric()) {
      case "cum_returns_final" -> ReturnStatistics.cumulativeReturnsFinal(returns, c.scalar("starting_value"));
      case "max_drawdown" -> ReturnStatistics.maxDrawdown(returns);
      case "annual_return" -> ReturnStatistics.annualReturn(returns, c.annualizationFactor());
      case "annual_volatility" -> ReturnStatistics.annualVolatility(returns, c.annualizationFactor());
      case "calmar_ratio" -> ReturnStatistics.calmarRatio(returns, c.annualizationFactor());
      case "sharpe_ratio" -> c.isSeries("risk_free")
          ? ReturnStatistics.sharpeRatio(returns, c.series("risk_free"), c.annualizationFactor())
          : ReturnStatistics.sharpeRatio(returns, c.scalar("risk_free"), c.annualizationFactor());
      case "downside_risk" -> c.isSeries("required_return")
          ? ReturnStatistics.downsideRisk(returns, c.series("required_return"), c.annualizationFactor())
          : ReturnStatistics.downsideRisk(returns, c.scalar("required_return"), c.annualizationFactor());
      case "sortino_ratio" -> c.isSeries("required_return")
          ? ReturnStatistics.sortinoRatio(returns, c.series("required_return"), c.annualizationFactor())
          : ReturnStatistics.sortinoRatio(returns, c.scalar("required_return"), c.annualizationFactor());
      case "omega_ratio" -> c.isSeries("risk_free")
          ? ReturnStatistics.omegaRatio(returns, c.series("risk_free"), c.scalar("required_return"),
              c.annualizationFactor())
          : ReturnStatistics.omegaRatio(returns, c.scalar("risk_free"), c.scalar("required_return"),
              c.annualizationFactor());
      case "excess_sharpe" -> c.isSeries("factor_returns")
          ? ReturnStatistics.excessSharpe(returns, c.series("factor_returns"))
          : ReturnStatistics.excessSharpe(returns, c.scalar("factor_returns"));
      case "stability_of_timeseries" -> ReturnStatistics.stabilityOfTimeseries(returns);
      case "tail_ratio" -> ReturnStatistics.tailRatio(returns);
      default -> throw new AssertionError("no Java counterpart for empyrical metric " + c.metric());
    };
  }

  /** numpy's assert_almost_equal: NaN matches NaN, infinities match exactly, else |a - e| < 1.5 * 10^-decimals. */
  private static void assertAlmostEqual(double actual, double expected, int decimalPlaces) {
    if (Double.isNaN(expected)) {
      assertThat(actual).isNaN();
    } else if (Double.isInfinite(expected)) {
      assertThat(actual).isEqualTo(expected);
    } else {
      assertThat(actual).isCloseTo(expected, byLessThan(1.5 * Math.pow(10, -decimalPlaces)));
    }
  }
}
