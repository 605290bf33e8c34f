package org.peaktrade.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.engine.indicator.Oracle.assertEndAligned;
import static org.peaktrade.engine.indicator.Oracle.assertRows;

import org.junit.jupiter.api.Test;
import org.peaktrade.engine.indicator.Oracle.Tolerance;

class CciTest {

  @Test
  void matchesTulipBookValuesForCci() {
    TulipBlock block = TulipBlock.load(TulipBlock.ATOZ, "cci");
    assertEndAligned(cci(block.option("period"), block.input("high"), block.input("low"), block.input("close")),
        block.output("cci"), Tolerance.BOOK);
  }

  @Test
  void matchesTulipRegressionValuesForCci() {
    TulipBlock block = TulipBlock.load(TulipBlock.UNTEST, "cci");
    assertEndAligned(cci(block.option("period"), block.input("high"), block.input("low"), block.input("close")),
        block.output("cci"), Tolerance.THREE_DECIMALS);
  }

  /** The sheet computes from typical prices rounded to 4 decimals and prints CCI to 4 decimals. */
  @Test
  void matchesStockChartsCci20() {
    StockChartsSheet sheet = StockChartsSheet.load("cs-cci.csv");
    assertRows(cci(20, sheet.column("High"), sheet.column("Low"), sheet.column("Close")), sheet.column("CCI"), 19,
        new Tolerance(1e-2, 1e-4));
  }

  @Test
  void reportsZeroWhenTypicalPricesAreAllEqual() {
    assertThat(cci(3, new double[] {2, 2, 2}, new double[] {1, 1, 1}, new double[] {1.5, 1.5, 1.5})[2])
        .isEqualTo(0.0);
  }

  private static double[] cci(int period, double[] high, double[] low, double[] close) {
    Cci cci = new Cci(period);
    return Oracle.run(close.length, i -> {
      cci.update(high[i], low[i], close[i]);
      return cci.value();
    });
  }
}
