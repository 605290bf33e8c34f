package org.peaktrade.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.engine.fixtures.StrategyBars.bar;
import static org.peaktrade.engine.fixtures.StrategyBars.directions;
import static org.peaktrade.engine.strategy.Direction.FLAT;
import static org.peaktrade.engine.strategy.Direction.LONG;
import static org.peaktrade.engine.strategy.Direction.SHORT;

import java.util.List;
import org.junit.jupiter.api.Test;

class DonchianBreakoutTest {

  @Test
  void breaksOutOnThePreviousEntryChannelAndExitsOnThePreviousExitChannel() {
    List<Direction> answers = directions(new DonchianBreakout(3, 2), List.of(
        bar(0, 11, 9, 10),
        bar(1, 11, 9, 10),
        bar(2, 11, 9, 10),
        bar(3, 13, 9, 12),       // 12 > 11, the previous 3 highs; its own high 13 is not yet in the channel
        bar(4, 13, 11, 12.5),
        bar(5, 12.5, 10, 10.5),  // above 9, the previous 2 lows
        bar(6, 10.5, 9.5, 9.8),  // below 10, the previous 2 lows, but not below 9, the previous 3 lows
        bar(7, 9.8, 8, 8.5),     // below 9.5, the previous 3 lows
        bar(8, 9, 8, 8.8),
        bar(9, 10.4, 8.8, 10.2))); // above 9.8, the previous 2 highs, but not above 10.5, the previous 3 highs

    assertThat(answers).containsExactly(FLAT, FLAT, FLAT, LONG, LONG, LONG, FLAT, SHORT, SHORT, FLAT);
  }

  @Test
  void decidesNothingUntilBothChannelsHoldEnoughEarlierBars() {
    assertThat(directions(new DonchianBreakout(3, 2), 10, 20, 30, 40))
        .containsExactly(FLAT, FLAT, FLAT, LONG);
  }
}
