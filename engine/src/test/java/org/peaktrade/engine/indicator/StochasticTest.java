package org.peaktrade.engine.indicator;

import static org.peaktrade.engine.indicator.Oracle.assertEndAligned;
import static org.peaktrade.engine.indicator.Oracle.assertRows;

import org.junit.jupiter.api.Test;
import org.peaktrade.engine.indicator.Oracle.Tolerance;

class StochasticTest {

  @Test
  void matchesTulipBookValuesForStochWithSmaSlowing() {
    assertMatchesTulip(TulipBlock.load(TulipBlock.ATOZ, "stoch"), Tolerance.BOOK);
  }

  @Test
  void matchesTulipRegressionValuesForStoch() {
    assertMatchesTulip(TulipBlock.load(TulipBlock.UNTEST, "stoch"), Tolerance.THREE_DECIMALS);
  }

  /**
   * The sheet's %K is the fast stochastic, so kSlowing is 1; its signal is the 3-bar SMA of %K but starts one
   * row later than it could.
   */
  @Test
  void matchesStockChartsFastStochastic14By3() {
    StockChartsSheet sheet = StockChartsSheet.load("cs-soo.csv");
    double[][] kd = stochastic(14, 1, 3, sheet.column("High"), sheet.column("Low"), sheet.column("Close"));
    Tolerance sixDecimals = new Tolerance(5.01e-6, 0);
    assertRows(kd[0], sheet.column("SO"), 15, sixDecimals);
    assertRows(kd[1], sheet.column("SO_SIG"), 16, sixDecimals);
  }

  private static void assertMatchesTulip(TulipBlock block, Tolerance tolerance) {
    double[][] kd = stochastic(block.option("k_period"), block.option("k_slowing_period"), block.option("d_period"),
        block.input("high"), block.input("low"), block.input("close"));
    assertEndAligned(kd[0], block.output("stoch_k"), tolerance);
    assertEndAligned(kd[1], block.output("stoch_d"), tolerance);
  }

  /** %K and %D per bar. */
  private static double[][] stochastic(int kPeriod, int kSlowing, int dPeriod, double[] high, double[] low,
      double[] close) {
    Stochastic stochastic = new Stochastic(kPeriod, kSlowing, dPeriod);
    double[][] out = new double[2][close.length];
    for (int i = 0; i < close.length; i++) {
      stochastic.update(high[i], low[i], close[i]);
      out[0][i] = stochastic.k();
      out[1][i] = stochastic.d();
    }
    return out;
  }
}
