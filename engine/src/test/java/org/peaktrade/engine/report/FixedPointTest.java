package org.peaktrade.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class FixedPointTest {

  private static String text(double value) {
    return FixedPoint.append8(new StringBuilder(), value).toString();
  }

  @Test
  void writesEightDecimalsWithoutExponent() {
    assertThat(text(10000)).isEqualTo("10000.00000000");
    assertThat(text(0.00001)).isEqualTo("0.00001000");
    assertThat(text(-0.123456789)).isEqualTo("-0.12345679");
    assertThat(text(-0.000000001)).isEqualTo("0.00000000");
  }

  /** Equal to the last decimal, or to double precision for large values. */
  @Test
  void agreesWithStringFormatOnRandomValues() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 10_000; i++) {
      double value = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12));
      assertThat(Double.parseDouble(text(value)))
          .isCloseTo(Double.parseDouble(String.format(Locale.ROOT, "%.8f", value)),
              Offset.offset(1.1e-8 + Math.abs(value) * 1e-15));
    }
  }

  @Test
  void fallsBackForHugeValues() {
    assertThat(text(1e20)).isEqualTo("100000000000000000000.00000000");
  }
}
