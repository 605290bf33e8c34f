package org.peaktrade.engine.indicator;

import static org.peaktrade.engine.indicator.Oracle.assertEndAligned;
import static org.peaktrade.engine.indicator.Oracle.assertRows;

import org.junit.jupiter.api.Test;
import org.peaktrade.engine.indicator.Oracle.Tolerance;

/**
 * Tulip's {@code adx} block has no closes because the true range cancels out of DX; any close will do there, so
 * the lows are passed. Tulip emits +DI and -DI from bar {@code period - 1}; ours waits for the ADX.
 */
class AdxTest {

  @Test
  void matchesTulipBookValuesForAdx() {
    TulipBlock block = TulipBlock.load(TulipBlock.ATOZ, "adx");
    assertEndAligned(adx(block.option("period"), block, block.input("low"))[0], block.output("adx"), Tolerance.BOOK);
  }

  @Test
  void matchesTulipBookValuesForDirectionalIndicators() {
    assertMatchesTulipDi(TulipBlock.load(TulipBlock.ATOZ, "di"), Tolerance.BOOK);
  }

  @Test
  void matchesTulipRegressionValuesForAdx() {
    TulipBlock block = TulipBlock.load(TulipBlock.UNTEST, "adx");
    assertEndAligned(adx(block.option("period"), block, block.input("low"))[0], block.output("adx"),
        Tolerance.THREE_DECIMALS);
  }

  @Test
  void matchesTulipRegressionValuesForDirectionalIndicators() {
    assertMatchesTulipDi(TulipBlock.load(TulipBlock.UNTEST, "di"), Tolerance.THREE_DECIMALS);
  }

  @Test
  void matchesTulipSpreadsheetValuesForAdx14() {
    TulipBlock block = TulipBlock.load(TulipBlock.EXTRA, "adx");
    assertEndAligned(adx(block.option("period"), block, block.input("low"))[0], block.output("adx"), Tolerance.BOOK);
  }

  /**
   * StockCharts seeds its Wilder sums with {@code period} moves, one bar later than Tulip; the difference shrinks
   * by 13/14 a bar, so rows from 300 on agree to 1e-9 and earlier rows are left out.
   */
  @Test
  void matchesStockChartsAdx14AfterTheSeedsDecayed() {
    StockChartsSheet sheet = StockChartsSheet.load("cs-adx.csv");
    double[][] adx = adx(14, sheet.column("High"), sheet.column("Low"), sheet.column("Close"));
    Tolerance tolerance = new Tolerance(1e-6, 0);
    assertRows(adx[0], sheet.column("ADX"), 300, tolerance);
    assertRows(adx[1], sheet.column("+DI14"), 300, tolerance);
    assertRows(adx[2], sheet.column("-DI14"), 300, tolerance);
  }

  private static void assertMatchesTulipDi(TulipBlock block, Tolerance tolerance) {
    int period = block.option("period");
    double[][] adx = adx(period, block, block.input("close"));
    assertEndAligned(adx[1], block.output("plus_di"), tolerance, period - 1);
    assertEndAligned(adx[2], block.output("minus_di"), tolerance, period - 1);
  }

  private static double[][] adx(int period, TulipBlock block, double[] close) {
    return adx(period, block.input("high"), block.input("low"), close);
  }

  /** ADX, +DI and -DI per bar. */
  private static double[][] adx(int period, double[] high, double[] low, double[] close) {
    Adx adx = new Adx(period);
    double[][] out = new double[3][close.length];
    for (int i = 0; i < close.length; i++) {
      adx.update(high[i], low[i], close[i]);
      out[0][i] = adx.adx();
      out[1][i] = adx.plusDi();
      out[2][i] = adx.minusDi();
    }
    return out;
  }
}
