package org.peaktrade.engine.indicator;

import static org.peaktrade.engine.indicator.Oracle.assertEndAligned;
import static org.peaktrade.engine.indicator.Oracle.assertRows;

import org.junit.jupiter.api.Test;
import org.peaktrade.engine.indicator.Oracle.Tolerance;

class DonchianChannelTest {

  private static final Tolerance EXACT = new Tolerance(0, 0);

  @Test
  void matchesTulipRollingMaxAndMinOnTheSameSeries() {
    TulipBlock max = TulipBlock.load(TulipBlock.UNTEST, "max");
    TulipBlock min = TulipBlock.load(TulipBlock.UNTEST, "min");
    double[][] channel = channel(max.option("period"), max.real(), min.real());
    assertEndAligned(channel[2], max.output("max"), EXACT);
    assertEndAligned(channel[0], min.output("min"), EXACT);
  }

  @Test
  void matchesTulipHandWorkedMaxWhereTheMaximumAgesOut() {
    TulipBlock max = TulipBlock.load(TulipBlock.EXTRA, "max");
    double[][] channel = channel(max.option("period"), max.real(), max.real());
    assertEndAligned(channel[2], max.output("max"), EXACT);
  }

  /** The sheet prints the middle band rounded to cents. */
  @Test
  void matchesStockChartsDonchian20() {
    StockChartsSheet sheet = StockChartsSheet.load("cs-dc.csv");
    double[][] channel = channel(20, sheet.column("high"), sheet.column("low"));
    assertRows(channel[0], sheet.column("lower_band"), 19, new Tolerance(1e-12, 0));
    assertRows(channel[1], sheet.column("middle_band"), 19, new Tolerance(5.01e-3, 0));
    assertRows(channel[2], sheet.column("upper_band"), 19, new Tolerance(1e-12, 0));
  }

  /** Lower, middle and upper band per bar. */
  private static double[][] channel(int period, double[] high, double[] low) {
    DonchianChannel channel = new DonchianChannel(period);
    double[][] out = new double[3][high.length];
    for (int i = 0; i < high.length; i++) {
      channel.update(high[i], low[i]);
      out[0][i] = channel.lower();
      out[1][i] = channel.middle();
      out[2][i] = channel.upper();
    }
    return out;
  }
}
