package org.peaktrade.engine.indicator;

import static org.peaktrade.engine.indicator.Oracle.assertEndAligned;
import static org.peaktrade.engine.indicator.Oracle.assertRows;

import org.junit.jupiter.api.Test;
import org.peaktrade.engine.indicator.Oracle.Tolerance;

class SmaTest {

  @Test
  void matchesTulipBookValuesForSma() {
    TulipBlock block = TulipBlock.load(TulipBlock.ATOZ, "sma");
    assertEndAligned(sma(block.option("period"), block.real()), block.output("sma"), Tolerance.BOOK);
  }

  @Test
  void matchesTulipRegressionValuesForSma() {
    TulipBlock block = TulipBlock.load(TulipBlock.UNTEST, "sma");
    assertEndAligned(sma(block.option("period"), block.real()), block.output("sma"), Tolerance.THREE_DECIMALS);
  }

  @Test
  void matchesStockChartsBollingerMiddleBandAsSma20() {
    StockChartsSheet sheet = StockChartsSheet.load("cs-bbands.csv");
    assertRows(sma(20, sheet.column("Close")), sheet.column("MiddleBand"), 19, new Tolerance(5.01e-7, 0));
  }

  private static double[] sma(int period, double[] closes) {
    Sma sma = new Sma(period);
    return Oracle.run(closes.length, i -> {
      sma.update(closes[i]);
      return sma.value();
    });
  }
}
