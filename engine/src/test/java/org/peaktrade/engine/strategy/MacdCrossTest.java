package org.peaktrade.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.engine.fixtures.StrategyBars.directions;
import static org.peaktrade.engine.strategy.Direction.FLAT;
import static org.peaktrade.engine.strategy.Direction.LONG;
import static org.peaktrade.engine.strategy.Direction.SHORT;

import org.junit.jupiter.api.Test;

class MacdCrossTest {

  @Test
  void goesLongWhenMacdCrossesAboveItsSignalAndShortWhenItCrossesBelow() {
    // MACD(2, 3, 2) vs signal: 0/0 at bar 3, .333/.222 at bar 4, .287/.352 at bar 6, .051/-.051 at bar 9.
    assertThat(directions(new MacdCross(2, 3, 2), 10, 10, 10, 10, 12, 14, 13, 11, 10, 12, 14))
        .containsExactly(FLAT, FLAT, FLAT, FLAT, LONG, LONG, SHORT, SHORT, SHORT, LONG, LONG);
  }

  @Test
  void staysFlatUntilTheSignalLineIsReadyAndHasCrossed() {
    assertThat(directions(new MacdCross(2, 3, 2), 10, 20, 30, 40, 50))
        .containsOnly(FLAT);
  }
}
