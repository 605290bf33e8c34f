package org.peaktrade.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossDetectorTest {

  private final CrossDetector detector = new CrossDetector();

  @Test
  void reportsNothingOnTheFirstPair() {
    assertThat(detector.update(2, 1)).isEqualTo(Cross.NONE);
  }

  @Test
  void reportsAboveAndBelowOnlyOnTheBarOfTheCross() {
    assertThat(feed(1, 2, 3, 2, 4, 2, 1, 2, 0, 2))
        .containsExactly(Cross.NONE, Cross.ABOVE, Cross.NONE, Cross.BELOW, Cross.NONE);
  }

  @Test
  void treatsATouchAsNoCrossUntilThePriceLeavesOnTheOtherSide() {
    assertThat(feed(1, 2, 2, 2, 3, 2, 2, 2, 1, 2))
        .containsExactly(Cross.NONE, Cross.NONE, Cross.ABOVE, Cross.NONE, Cross.BELOW);
  }

  @Test
  void reportsBelowWhenFallingBackAfterATouchFromBelow() {
    assertThat(feed(1, 2, 2, 2, 1, 2)).containsExactly(Cross.NONE, Cross.NONE, Cross.BELOW);
  }

  @Test
  void ignoresNanPairsWithoutForgettingThePreviousPair() {
    assertThat(feed(1, 2, Double.NaN, 2, 3, Double.NaN, 3, 2))
        .containsExactly(Cross.NONE, Cross.NONE, Cross.NONE, Cross.ABOVE);
  }

  @Test
  void waitsForTheFirstValidPairWhenWarmingUp() {
    assertThat(feed(Double.NaN, 2, 3, 2, 1, 2)).containsExactly(Cross.NONE, Cross.NONE, Cross.BELOW);
  }

  /** Pairs of (fast, slow). */
  private List<Cross> feed(double... pairs) {
    List<Cross> crosses = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      crosses.add(detector.update(pairs[i], pairs[i + 1]));
    }
    return crosses;
  }
}
