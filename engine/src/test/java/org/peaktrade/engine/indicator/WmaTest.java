package org.peaktrade.engine.indicator;

import static org.peaktrade.engine.indicator.Oracle.assertEndAligned;
import static org.peaktrade.engine.indicator.Oracle.assertRows;

import org.junit.jupiter.api.Test;
import org.peaktrade.engine.indicator.Oracle.Tolerance;

class WmaTest {

  @Test
  void matchesTulipBookValuesForWma() {
    TulipBlock block = TulipBlock.load(TulipBlock.ATOZ, "wma");
    assertEndAligned(wma(block.option("period"), block.real()), block.output("wma"), Tolerance.BOOK);
  }

  @Test
  void matchesTulipRegressionValuesForWma() {
    TulipBlock block = TulipBlock.load(TulipBlock.UNTEST, "wma");
    assertEndAligned(wma(block.option("period"), block.real()), block.output("wma"), Tolerance.THREE_DECIMALS);
  }

  /** The sheet's first eight rows average closes from before the file starts, so only row 8 on is checkable. */
  @Test
  void matchesStockChartsWma9() {
    StockChartsSheet sheet = StockChartsSheet.load("cs-wma.csv");
    assertRows(wma(9, sheet.column("Close")), sheet.column("WMA"), 8, new Tolerance(5.01e-5, 0));
  }

  private static double[] wma(int period, double[] closes) {
    Wma wma = new Wma(period);
    return Oracle.run(closes.length, i -> {
      wma.update(closes[i]);
      return wma.value();
    });
  }
}
