package org.peaktrade.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DrawdownStatisticsTest {

  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final long HOUR = Duration.ofHours(1).toMillis();

  @Test
  void deepestAndLongestDrawdownsAreMeasuredSeparately() {
    DrawdownStatistics statistics = DrawdownStatistics.of(
        new double[] {100, 120, 90, 110, 130, 104},
        new long[] {0, DAY, 2 * DAY, 3 * DAY, 4 * DAY, 5 * DAY});

    assertThat(statistics.maxDrawdown()).isCloseTo(-0.25, within(1e-12));
    assertThat(statistics.maxDrawdownDuration()).isEqualTo(Duration.ofDays(3));
    assertThat(statistics.drawdowns())
        .containsExactly(new double[] {0, 0, -0.25, 110.0 / 120 - 1, 0, -0.2}, within(1e-12));
  }

  @Test
  void aDrawdownNeverRecoveredLastsUntilTheEndOfTheCurve() {
    DrawdownStatistics statistics = DrawdownStatistics.of(
        new double[] {100, 105, 90, 95, 99},
        new long[] {0, HOUR, 2 * HOUR, 3 * HOUR, 10 * HOUR});

    assertThat(statistics.maxDrawdownDuration()).isEqualTo(Duration.ofHours(9));
  }

  @Test
  void returningExactlyToThePeakEndsTheDrawdown() {
    DrawdownStatistics statistics = DrawdownStatistics.of(
        new double[] {100, 80, 100, 90},
        new long[] {0, 3 * HOUR, 4 * HOUR, 5 * HOUR});

    assertThat(statistics.maxDrawdownDuration()).isEqualTo(Duration.ofHours(4));
  }

  @Test
  void theStartingEquityIsAPeak() {
    DrawdownStatistics statistics = DrawdownStatistics.of(new double[] {100, 50, 60}, new long[] {0, DAY, 2 * DAY});

    assertThat(statistics.maxDrawdown()).isEqualTo(-0.5);
    assertThat(statistics.maxDrawdownDuration()).isEqualTo(Duration.ofDays(2));
  }

  @Test
  void agreesWithTheMaxDrawdownOfTheReturnsThatBuiltTheCurve() {
    double[] returns = {0.1, -0.1, 0.1};
    double[] equity = {1.0, 1.1, 1.1 * 0.9, 1.1 * 0.9 * 1.1};

    assertThat(DrawdownStatistics.of(equity, new long[] {0, 1, 2, 3}).maxDrawdown())
        .isCloseTo(ReturnStatistics.maxDrawdown(returns), within(1e-15));
  }

  @Test
  void risingEquityHasNoDrawdown() {
    DrawdownStatistics statistics = DrawdownStatistics.of(new double[] {100, 100, 101}, new long[] {0, DAY, 2 * DAY});

    assertThat(statistics.maxDrawdown()).isZero();
    assertThat(statistics.maxDrawdownDuration()).isEqualTo(Duration.ZERO);
  }

  @Test
  void anEmptyCurveHasAnUndefinedDrawdown() {
    DrawdownStatistics statistics = DrawdownStatistics.of(new double[0], new long[0]);

    assertThat(statistics.maxDrawdown()).isNaN();
    assertThat(statistics.maxDrawdownDuration()).isEqualTo(Duration.ZERO);
    assertThat(statistics.drawdowns()).isEmpty();
  }

  @Test
  void changingTheReturnedSeriesDoesNotChangeTheStatistics() {
    DrawdownStatistics statistics = DrawdownStatistics.of(new double[] {100, 50}, new long[] {0, DAY});

    statistics.drawdowns()[1] = 0.0;

    assertThat(statistics.drawdowns()[1]).isEqualTo(-0.5);
  }

  @Test
  void missingEquityIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DrawdownStatistics.of(new double[] {100, Double.NaN}, new long[] {0, DAY}))
        .withMessageContaining("index 1");
  }

  @Test
  void timestampsGoingBackwardsAreRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DrawdownStatistics.of(new double[] {100, 101}, new long[] {DAY, 0}))
        .withMessageContaining("back in time");
  }

  @Test
  void equityAndTimestampsOfDifferentLengthsAreRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DrawdownStatistics.of(new double[] {100, 101}, new long[] {0}))
        .withMessageContaining("2 equity points but 1 timestamps");
  }
}
