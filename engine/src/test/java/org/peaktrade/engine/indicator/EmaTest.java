package org.peaktrade.engine.indicator;

import static org.peaktrade.engine.indicator.Oracle.assertEndAligned;
import static org.peaktrade.engine.indicator.Oracle.assertRows;

import org.junit.jupiter.api.Test;
import org.peaktrade.engine.indicator.Oracle.Tolerance;

/** Tulip emits its EMA from the first bar (the seed); ours reports ready only after {@code period} bars. */
class EmaTest {

  @Test
  void matchesTulipBookValuesForEmaOnceReady() {
    TulipBlock block = TulipBlock.load(TulipBlock.ATOZ, "ema");
    int period = block.option("period");
    assertEndAligned(ema(period, block.real()), block.output("ema"), Tolerance.BOOK, period - 1);
  }

  @Test
  void matchesTulipRegressionValuesForEmaOnceReady() {
    TulipBlock block = TulipBlock.load(TulipBlock.UNTEST, "ema");
    int period = block.option("period");
    assertEndAligned(ema(period, block.real()), block.output("ema"), Tolerance.THREE_DECIMALS, period - 1);
  }

  @Test
  void matchesStockChartsMacdSheetEmasSeededWithTheFirstClose() {
    StockChartsSheet sheet = StockChartsSheet.load("cs-macd.csv");
    double[] closes = sheet.column("Close");
    Tolerance eightDigits = new Tolerance(1e-7, 0);
    assertRows(ema(12, closes), sheet.column("short_ema"), 11, eightDigits);
    assertRows(ema(26, closes), sheet.column("long_ema"), 25, eightDigits);
  }

  private static double[] ema(int period, double[] closes) {
    Ema ema = new Ema(period);
    return Oracle.run(closes.length, i -> {
      ema.update(closes[i]);
      return ema.value();
    });
  }
}
