package org.peaktrade.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.peaktrade.engine.fixtures.StrategyBars.directions;
import static org.peaktrade.engine.strategy.Direction.FLAT;
import static org.peaktrade.engine.strategy.Direction.LONG;
import static org.peaktrade.engine.strategy.Direction.SHORT;

import org.junit.jupiter.api.Test;

class BollingerReversionTest {

  @Test
  void entersOutsideTheBandsAndExitsBackAtTheMiddleBand() {
    // Bands(4, 1): lower 8.63 at bar 4; middle 9.25 at bar 5, 9.15 at bar 6; upper 11.12 at bar 7;
    // middle 10.4 at bar 8, 10.65 at bar 9.
    assertThat(directions(new BollingerReversion(4, 1), 10, 10, 10, 10, 8, 9, 9.6, 12, 11, 10))
        .containsExactly(FLAT, FLAT, FLAT, FLAT, LONG, LONG, FLAT, SHORT, SHORT, FLAT);
  }

  @Test
  void staysFlatUntilTheBandsAreReady() {
    assertThat(directions(new BollingerReversion(4, 1), 10, 1, 20))
        .containsOnly(FLAT);
  }

  @Test
  void rejectsABandWidthNoCloseCouldEverReach() {
    assertThatThrownBy(() -> new BollingerReversion(4, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("k=2.0 can never be reached with period=4: a close lies at most sqrt(period - 1) = 1.732");
  }
}
