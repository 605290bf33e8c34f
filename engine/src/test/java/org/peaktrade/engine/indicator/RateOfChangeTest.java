package org.peaktrade.engine.indicator;

import static org.peaktrade.engine.indicator.Oracle.assertEndAligned;
import static org.peaktrade.engine.indicator.Oracle.assertRows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.peaktrade.engine.indicator.Oracle.Tolerance;

/** Ours is in percent like StockCharts and ta4j; Tulip's {@code roc} is the bare fraction and {@code rocr} the ratio. */
class RateOfChangeTest {

  @Test
  void isTulipRocTimesHundred() {
    TulipBlock block = TulipBlock.load(TulipBlock.UNTEST, "roc");
    assertEndAligned(fraction(roc(block.option("period"), block.real())), block.output("roc"),
        Tolerance.THREE_DECIMALS);
  }

  @Test
  void isTulipHandWorkedRocTimesHundred() {
    TulipBlock block = TulipBlock.load(TulipBlock.EXTRA, "roc");
    assertEndAligned(fraction(roc(block.option("period"), block.real())), block.output("roc"),
        new Tolerance(5.01e-6, 0));
  }

  @Test
  void matchesTulipBookRatioAsOnePlusRoc() {
    TulipBlock block = TulipBlock.load(TulipBlock.ATOZ, "rocr");
    double[] ratio = Arrays.stream(fraction(roc(block.option("period"), block.real()))).map(f -> 1 + f).toArray();
    assertEndAligned(ratio, block.output("rocr"), Tolerance.BOOK);
  }

  @Test
  void matchesStockChartsRoc12InPercent() {
    StockChartsSheet sheet = StockChartsSheet.load("cs-roc.csv");
    assertRows(roc(12, sheet.column("Close")), sheet.column("ROC"), 12, new Tolerance(1e-7, 0));
  }

  private static double[] fraction(double[] percent) {
    return Arrays.stream(percent).map(p -> p / 100).toArray();
  }

  private static double[] roc(int period, double[] values) {
    RateOfChange roc = new RateOfChange(period);
    return Oracle.run(values.length, i -> {
      roc.update(values[i]);
      return roc.value();
    });
  }
}
