package org.peaktrade.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.engine.fixtures.StrategyBars.directions;
import static org.peaktrade.engine.strategy.Direction.FLAT;
import static org.peaktrade.engine.strategy.Direction.LONG;

import org.junit.jupiter.api.Test;

class PriceSmaCrossTest {

  @Test
  void goesLongWhenTheCloseCrossesAboveItsAverageAndFlatWhenItCrossesBelow() {
    // SMA(3): 10 at bar 2 (close 10, no cross), 10.67 < 12 at bar 3, 11.33 > 9 at bar 5, 9.33 < 11 at bar 7.
    assertThat(directions(new PriceSmaCross(3), 10, 10, 10, 12, 13, 9, 8, 11))
        .containsExactly(FLAT, FLAT, FLAT, LONG, LONG, FLAT, FLAT, LONG);
  }

  @Test
  void leavesALongForFlatNotShortHoweverFarTheCloseFalls() {
    assertThat(directions(new PriceSmaCross(2), 10, 10, 12, 9, 6, 4))
        .containsExactly(FLAT, FLAT, LONG, FLAT, FLAT, FLAT);
  }

  @Test
  void aCloseAboveTheAverageOnTheFirstReadyBarIsNotACross() {
    assertThat(directions(new PriceSmaCross(3), 10, 11, 15, 16))
        .containsOnly(FLAT);
  }
}
