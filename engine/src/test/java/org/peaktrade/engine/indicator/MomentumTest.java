package org.peaktrade.engine.indicator;

import static org.peaktrade.engine.indicator.Oracle.assertEndAligned;

import org.junit.jupiter.api.Test;
import org.peaktrade.engine.indicator.Oracle.Tolerance;

class MomentumTest {

  @Test
  void matchesTulipRegressionValuesForMom() {
    TulipBlock block = TulipBlock.load(TulipBlock.UNTEST, "mom");
    assertEndAligned(momentum(block.option("period"), block.real()), block.output("mom"), Tolerance.THREE_DECIMALS);
  }

  @Test
  void matchesTulipHandWorkedValuesForMom() {
    TulipBlock block = TulipBlock.load(TulipBlock.EXTRA, "mom");
    assertEndAligned(momentum(block.option("period"), block.real()), block.output("mom"), new Tolerance(1e-12, 0));
  }

  private static double[] momentum(int period, double[] values) {
    Momentum momentum = new Momentum(period);
    return Oracle.run(values.length, i -> {
      momentum.update(values[i]);
      return momentum.value();
    });
  }
}
