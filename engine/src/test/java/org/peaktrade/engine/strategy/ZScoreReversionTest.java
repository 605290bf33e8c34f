package org.peaktrade.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.peaktrade.engine.fixtures.StrategyBars.directions;
import static org.peaktrade.engine.strategy.Direction.FLAT;
import static org.peaktrade.engine.strategy.Direction.LONG;
import static org.peaktrade.engine.strategy.Direction.SHORT;

import org.junit.jupiter.api.Test;

class ZScoreReversionTest {

  @Test
  void entersBeyondTheEntryScoreAndExitsWithinTheExitScore() {
    // z over 5 closes from bar 4: 0, -2, -0.68, 0.31, 1.73, 0.78, -0.23.
    assertThat(directions(new ZScoreReversion(5, 1.5, 0.5), 10, 10, 10, 10, 10, 8, 8.8, 9.5, 12, 11, 10))
        .containsExactly(FLAT, FLAT, FLAT, FLAT, FLAT, LONG, LONG, FLAT, SHORT, SHORT, FLAT);
  }

  @Test
  void staysFlatUntilTheWindowIsFull() {
    assertThat(directions(new ZScoreReversion(5, 1.5, 0.5), 10, 10, 10, 1))
        .containsOnly(FLAT);
  }

  @Test
  void rejectsAnExitScoreThatIsNotInsideTheEntryScore() {
    assertThatThrownBy(() -> new ZScoreReversion(20, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("exit must be less than entry but was entry=1.0, exit=1.0");
  }
}
