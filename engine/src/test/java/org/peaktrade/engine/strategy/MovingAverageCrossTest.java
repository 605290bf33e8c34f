package org.peaktrade.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.peaktrade.engine.fixtures.StrategyBars.directions;
import static org.peaktrade.engine.strategy.Direction.FLAT;
import static org.peaktrade.engine.strategy.Direction.LONG;
import static org.peaktrade.engine.strategy.Direction.SHORT;

import org.junit.jupiter.api.Test;

class MovingAverageCrossTest {

  @Test
  void goesLongOnACrossAboveAndLeavesTheLongOnTheNextCrossBelow() {
    // SMA(2) vs SMA(3): equal at bar 2, then 11.5 > 11 at bar 3, 13 < 14 at bar 6, 10 > 9 at bar 9.
    assertThat(directions(new MovingAverageCross(2, 3), 10, 10, 10, 13, 16, 16, 10, 7, 7, 13, 16))
        .containsExactly(FLAT, FLAT, FLAT, LONG, LONG, LONG, SHORT, SHORT, SHORT, LONG, LONG);
  }

  @Test
  void aTrendAlreadyUnderwayWhenTheAveragesBecomeReadyIsNotACross() {
    assertThat(directions(new MovingAverageCross(2, 3), 10, 20, 30, 40, 50))
        .containsOnly(FLAT);
  }

  @Test
  void rejectsAFastPeriodThatIsNotShorterThanTheSlowOne() {
    assertThatThrownBy(() -> new MovingAverageCross(30, 30))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fast must be less than slow but was fast=30, slow=30");
  }
}
