package org.peaktrade.engine.indicator;

import static org.peaktrade.engine.indicator.Oracle.assertEndAligned;
import static org.peaktrade.engine.indicator.Oracle.assertRows;

import org.junit.jupiter.api.Test;
import org.peaktrade.engine.indicator.Oracle.Tolerance;

class AtrTest {

  @Test
  void matchesTulipBookValuesForAtr() {
    TulipBlock block = TulipBlock.load(TulipBlock.ATOZ, "atr");
    assertEndAligned(atr(block.option("period"), block), block.output("atr"), Tolerance.BOOK);
  }

  @Test
  void matchesTulipRegressionValuesForAtr() {
    TulipBlock block = TulipBlock.load(TulipBlock.UNTEST, "atr");
    assertEndAligned(atr(block.option("period"), block), block.output("atr"), Tolerance.THREE_DECIMALS);
  }

  @Test
  void matchesTulipBookValuesForTrueRange() {
    TulipBlock block = TulipBlock.load(TulipBlock.ATOZ, "tr");
    assertEndAligned(trueRange(block), block.output("tr"), Tolerance.BOOK);
  }

  @Test
  void matchesTulipRegressionValuesForTrueRange() {
    TulipBlock block = TulipBlock.load(TulipBlock.UNTEST, "tr");
    assertEndAligned(trueRange(block), block.output("tr"), Tolerance.THREE_DECIMALS);
  }

  @Test
  void matchesStockChartsWilderAtr14FromTheFirstValue() {
    StockChartsSheet sheet = StockChartsSheet.load("cs-atr.csv");
    assertRows(atr(14, sheet), sheet.column("ATR"), 13, new Tolerance(1e-8, 0));
  }

  @Test
  void matchesStockChartsWilderAtr10FromTheFirstValue() {
    StockChartsSheet sheet = StockChartsSheet.load("cs-atr2.csv");
    assertRows(atr(10, sheet), sheet.column("ATR"), 9, new Tolerance(1e-8, 0));
  }

  private static double[] atr(int period, TulipBlock block) {
    return atr(period, block.input("high"), block.input("low"), block.input("close"));
  }

  private static double[] atr(int period, StockChartsSheet sheet) {
    return atr(period, sheet.column("High"), sheet.column("Low"), sheet.column("Close"));
  }

  private static double[] atr(int period, double[] high, double[] low, double[] close) {
    Atr atr = new Atr(period);
    return Oracle.run(close.length, i -> {
      atr.update(high[i], low[i], close[i]);
      return atr.value();
    });
  }

  private static double[] trueRange(TulipBlock block) {
    double[] high = block.input("high");
    double[] low = block.input("low");
    double[] close = block.input("close");
    TrueRange trueRange = new TrueRange();
    return Oracle.run(close.length, i -> {
      trueRange.update(high[i], low[i], close[i]);
      return trueRange.value();
    });
  }
}
