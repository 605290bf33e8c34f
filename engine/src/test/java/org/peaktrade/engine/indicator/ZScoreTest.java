package org.peaktrade.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.peaktrade.engine.indicator.Oracle.assertEndAligned;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.peaktrade.engine.indicator.Oracle.Tolerance;

class ZScoreTest {

  @Test
  void measuresTheLatestValueInPopulationStandardDeviations() {
    ZScore zScore = new ZScore(5);
    for (double x : new double[] {1, 2, 3, 4, 5}) {
      zScore.update(x);
    }
    assertThat(zScore.value()).isCloseTo(2 / Math.sqrt(2), within(1e-12));
  }

  /** Tulip's spreadsheet-checked {@code stddev} is the population deviation; z times it must give back x - mean. */
  @Test
  void agreesWithTulipPopulationStandardDeviation() {
    TulipBlock block = TulipBlock.load(TulipBlock.EXTRA, "stddev");
    int period = block.option("period");
    double[] values = block.real();
    ZScore zScore = new ZScore(period);
    double[] impliedDeviation = Oracle.run(values.length, i -> {
      zScore.update(values[i]);
      double mean = IntStream.rangeClosed(Math.max(0, i - period + 1), i).mapToDouble(j -> values[j]).sum() / period;
      return (values[i] - mean) / zScore.value();
    });
    double[] expected = block.output("stddev");
    double[] absolute = IntStream.range(0, values.length).mapToDouble(i -> Math.abs(impliedDeviation[i])).toArray();
    assertEndAligned(absolute, expected, new Tolerance(1e-8, 0));
  }

  @Test
  void reportsZeroForAConstantWindow() {
    ZScore zScore = new ZScore(3);
    for (int i = 0; i < 3; i++) {
      zScore.update(42);
    }
    assertThat(zScore.value()).isEqualTo(0.0);
  }
}
