package org.peaktrade.engine.indicator;

import static org.peaktrade.engine.indicator.Oracle.assertEndAligned;
import static org.peaktrade.engine.indicator.Oracle.assertRows;

import org.junit.jupiter.api.Test;
import org.peaktrade.engine.indicator.Oracle.Tolerance;

class BollingerBandsTest {

  @Test
  void matchesTulipBookValuesForBbands() {
    assertMatchesTulip(TulipBlock.load(TulipBlock.ATOZ, "bbands"), Tolerance.BOOK);
  }

  @Test
  void matchesTulipRegressionValuesForBbands() {
    assertMatchesTulip(TulipBlock.load(TulipBlock.UNTEST, "bbands"), Tolerance.THREE_DECIMALS);
  }

  @Test
  void matchesStockChartsBands20By2WithPopulationStandardDeviation() {
    StockChartsSheet sheet = StockChartsSheet.load("cs-bbands.csv");
    double[][] bands = bands(20, 2, sheet.column("Close"));
    Tolerance sixDecimals = new Tolerance(5.01e-6, 0);
    assertRows(bands[0], sheet.column("LowBand"), 19, sixDecimals);
    assertRows(bands[1], sheet.column("MiddleBand"), 19, sixDecimals);
    assertRows(bands[2], sheet.column("HighBand"), 19, sixDecimals);
  }

  private static void assertMatchesTulip(TulipBlock block, Tolerance tolerance) {
    double[][] bands = bands(block.option("period"), block.option("stddev"), block.real());
    assertEndAligned(bands[0], block.output("bbands_lower"), tolerance);
    assertEndAligned(bands[1], block.output("bbands_middle"), tolerance);
    assertEndAligned(bands[2], block.output("bbands_upper"), tolerance);
  }

  /** Lower, middle and upper band per bar. */
  private static double[][] bands(int period, double k, double[] closes) {
    BollingerBands bands = new BollingerBands(period, k);
    double[][] out = new double[3][closes.length];
    for (int i = 0; i < closes.length; i++) {
      bands.update(closes[i]);
      out[0][i] = bands.lower();
      out[1][i] = bands.middle();
      out[2][i] = bands.upper();
    }
    return out;
  }
}
