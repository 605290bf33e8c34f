package org.peaktrade.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.engine.fixtures.StrategyBars.directions;
import static org.peaktrade.engine.strategy.Direction.FLAT;
import static org.peaktrade.engine.strategy.Direction.LONG;
import static org.peaktrade.engine.strategy.Direction.SHORT;

import org.junit.jupiter.api.Test;

class RateOfChangeMomentumTest {

  @Test
  void followsARateOfChangeBeyondTheThresholdAndHoldsInsideIt() {
    // ROC(2) in %: 0, 4, 6, -0.96, -5.66, -8.7, -4, 6.38 from bar 2.
    assertThat(directions(new RateOfChangeMomentum(2, 5), 100, 100, 100, 104, 106, 103, 100, 94, 96, 100))
        .containsExactly(FLAT, FLAT, FLAT, FLAT, LONG, LONG, SHORT, SHORT, SHORT, LONG);
  }

  @Test
  void staysFlatUntilThereIsACloseFromPeriodBarsAgo() {
    assertThat(directions(new RateOfChangeMomentum(2, 0), 100, 200))
        .containsOnly(FLAT);
  }
}
