package org.peaktrade.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.engine.fixtures.StrategyBars.bar;
import static org.peaktrade.engine.fixtures.StrategyBars.directions;
import static org.peaktrade.engine.strategy.Direction.FLAT;
import static org.peaktrade.engine.strategy.Direction.LONG;
import static org.peaktrade.engine.strategy.Direction.SHORT;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peaktrade.protocol.Bar;

class AdxTrendTest {

  @Test
  void followsTheStrongerDirectionalIndicatorWhileTheTrendIsStrongAndStandsAsideOnceItFades() {
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      bars.add(bar(bars.size(), 10 + i, 9 + i, 9.5 + i));
    }
    for (int i = 0; i < 6; i++) {
      bars.add(bar(bars.size(), 14 - i, 13 - i, 13.5 - i));
    }
    for (int i = 0; i < 8; i++) {
      bars.add(i % 2 == 0 ? bar(bars.size(), 11, 8, 9.5) : bar(bars.size(), 10, 9, 9.5));
    }

    // ADX(3) / +DI / -DI: 100/67/0 at bar 4, 56/28/39 at bar 7, 49/36/31 at bar 12, 20.5/12/10 at bar 15.
    assertThat(directions(new AdxTrend(3, 25), bars)).containsExactly(
        FLAT, FLAT, FLAT, FLAT, LONG, LONG, LONG,
        SHORT, SHORT, SHORT, SHORT, SHORT,
        LONG, LONG, LONG, FLAT, FLAT, FLAT, FLAT, FLAT);
  }

  @Test
  void staysFlatUntilTheAdxIsReady() {
    assertThat(directions(new AdxTrend(3, 0), List.of(
        bar(0, 10, 9, 9.5), bar(1, 11, 10, 10.5), bar(2, 12, 11, 11.5), bar(3, 13, 12, 12.5))))
        .containsOnly(FLAT);
  }
}
