package org.peaktrade.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.engine.indicator.Oracle.assertEndAligned;

import org.junit.jupiter.api.Test;
import org.peaktrade.engine.indicator.Oracle.Tolerance;

/**
 * Tested against Tulip only: the StockCharts {@code cs-rsi.csv} sheet is not Wilder's RSI (its averages are an
 * EWM that starts from 0 on the first change), so it would differ by design, 37.77 against 35.49 on its last row.
 */
class RsiTest {

  @Test
  void matchesTulipBookValuesForWilderRsi() {
    TulipBlock block = TulipBlock.load(TulipBlock.ATOZ, "rsi");
    assertEndAligned(rsi(block.option("period"), block.real()), block.output("rsi"), Tolerance.BOOK);
  }

  @Test
  void matchesTulipRegressionValuesForWilderRsi() {
    TulipBlock block = TulipBlock.load(TulipBlock.UNTEST, "rsi");
    assertEndAligned(rsi(block.option("period"), block.real()), block.output("rsi"), Tolerance.THREE_DECIMALS);
  }

  @Test
  void reportsFiftyWhenPricesNeverMoved() {
    assertThat(rsi(3, new double[] {5, 5, 5, 5})[3]).isEqualTo(50.0);
  }

  @Test
  void reportsHundredWhenPricesOnlyRose() {
    assertThat(rsi(3, new double[] {1, 2, 3, 4})[3]).isEqualTo(100.0);
  }

  private static double[] rsi(int period, double[] closes) {
    Rsi rsi = new Rsi(period);
    return Oracle.run(closes.length, i -> {
      rsi.update(closes[i]);
      return rsi.value();
    });
  }
}
