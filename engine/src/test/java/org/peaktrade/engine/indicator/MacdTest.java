package org.peaktrade.engine.indicator;

import static org.peaktrade.engine.indicator.Oracle.assertEndAligned;
import static org.peaktrade.engine.indicator.Oracle.assertRows;

import org.junit.jupiter.api.Test;
import org.peaktrade.engine.indicator.Oracle.Tolerance;

/**
 * Not tested against the Tulip {@code atoz} block: for 12/26 Tulip (and the book) use the rounded alphas 0.15
 * and 0.075 instead of 2/13 and 2/27, which this class deliberately does not. Tulip emits from the
 * {@code slow}-th bar; ours waits until the signal EMA has seen {@code signal} values.
 */
class MacdTest {

  @Test
  void matchesTulipRegressionValuesForMacdOnceTheSignalIsReady() {
    TulipBlock block = TulipBlock.load(TulipBlock.UNTEST, "macd");
    int signal = block.option("signal_period");
    double[][] macd = macd(block.option("short_period"), block.option("long_period"), signal, block.real());
    assertEndAligned(macd[0], block.output("macd"), Tolerance.THREE_DECIMALS, signal - 1);
    assertEndAligned(macd[1], block.output("macd_signal"), Tolerance.THREE_DECIMALS, signal - 1);
    assertEndAligned(macd[2], block.output("macd_histogram"), Tolerance.THREE_DECIMALS, signal - 1);
  }

  /** The sheet starts its signal EMA on the second row; that seed has shrunk below 1e-8 by row 110. */
  @Test
  void matchesStockChartsMacd12By26By9() {
    StockChartsSheet sheet = StockChartsSheet.load("cs-macd.csv");
    double[][] macd = macd(12, 26, 9, sheet.column("Close"));
    Tolerance eightDigits = new Tolerance(1e-8, 0);
    assertRows(macd[0], sheet.column("MACD_line"), 33, eightDigits);
    assertRows(macd[1], sheet.column("MACD_signal"), 110, eightDigits);
    assertRows(macd[2], sheet.column("MACD_diff"), 110, eightDigits);
  }

  /** Macd line, signal and histogram per bar. */
  private static double[][] macd(int fast, int slow, int signal, double[] closes) {
    Macd macd = new Macd(fast, slow, signal);
    double[][] out = new double[3][closes.length];
    for (int i = 0; i < closes.length; i++) {
      macd.update(closes[i]);
      out[0][i] = macd.macd();
      out[1][i] = macd.signal();
      out[2][i] = macd.histogram();
    }
    return out;
  }
}
