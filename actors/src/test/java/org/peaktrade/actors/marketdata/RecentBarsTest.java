package org.peaktrade.actors.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.peaktrade.actors.fixtures.Bars;

class RecentBarsTest {

  @Test
  void keepsTheNewestBarsUpToItsCapacityAndAnswersThoseAfterAnOpenTime() {
    RecentBars recent = new RecentBars(3);
    LongStream.range(0, 5).mapToObj(Bars::minute).forEach(recent::add);

    assertThat(recent.keptAfter(Bars.minute(0).openTime())).containsExactly(Bars.minute(2), Bars.minute(3),
        Bars.minute(4));
    assertThat(recent.keptAfter(Bars.minute(3).openTime())).containsExactly(Bars.minute(4));
    assertThat(recent.keptAfter(Bars.minute(4).openTime())).isEmpty();
    assertThat(recent.keptBetween(Bars.minute(2).openTime(), Bars.minute(4).openTime()))
        .containsExactly(Bars.minute(3));
  }

  @Test
  void keepsNothingWithoutCapacity() {
    RecentBars none = new RecentBars(0);
    none.add(Bars.minute(0));

    assertThat(none.keptAfter(Bars.minute(0).openTime().minusSeconds(60))).isEmpty();
  }
}
