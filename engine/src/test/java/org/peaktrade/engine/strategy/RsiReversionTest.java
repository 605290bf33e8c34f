package org.peaktrade.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.peaktrade.engine.fixtures.StrategyBars.directions;
import static org.peaktrade.engine.strategy.Direction.FLAT;
import static org.peaktrade.engine.strategy.Direction.LONG;
import static org.peaktrade.engine.strategy.Direction.SHORT;

import org.junit.jupiter.api.Test;

class RsiReversionTest {

  @Test
  void entersBeyondTheExtremeLevelsAndExitsOnlyOnceTheRsiPassesTheExitLevel() {
    // RSI(2) from bar 2: 0, 50, 66.7, 90.9, 66.7, 32.3, 32.3.
    assertThat(directions(new RsiReversion(2, 30, 70, 50), 10, 9, 8, 9, 9.5, 11.5, 11, 10, 10))
        .containsExactly(FLAT, FLAT, LONG, LONG, FLAT, SHORT, SHORT, FLAT, FLAT);
  }

  @Test
  void staysFlatUntilTheRsiHasPeriodPlusOneCloses() {
    assertThat(directions(new RsiReversion(3, 30, 70, 50), 10, 9, 8))
        .containsOnly(FLAT);
  }

  @Test
  void rejectsAnExitLevelOutsideTheOversoldToOverboughtRange() {
    assertThatThrownBy(() -> new RsiReversion(14, 30, 70, 80))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("oversold < exit < overbought must hold but was oversold=30.0, exit=80.0, overbought=70.0");
  }
}
