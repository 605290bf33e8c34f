package org.peaktrade.engine.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.engine.fixtures.Bars.bar;

import org.junit.jupiter.api.Test;

class BarValidatorTest {
  private final BarValidator validator = new BarValidator();

  @Test
  void acceptsIncreasingContiguousBars() {
    assertThat(validator.check(bar(0, "1", "1", "1", "1")).accepted()).isTrue();
    BarValidator.Verdict next = validator.check(bar(1, "1", "1", "1", "1"));

    assertThat(next.accepted()).isTrue();
    assertThat(next.hasGap()).isFalse();
  }

  @Test
  void rejectsDuplicatesAndOlderBarsAndCountsThem() {
    validator.check(bar(3, "1", "1", "1", "1"));

    assertThat(validator.check(bar(3, "1", "1", "1", "1")).reason()).isEqualTo(BarValidator.Reason.DUPLICATE);
    assertThat(validator.check(bar(2, "1", "1", "1", "1")).reason()).isEqualTo(BarValidator.Reason.OUT_OF_ORDER);
    assertThat(validator.rejections(BarValidator.Reason.DUPLICATE)).isEqualTo(1);
    assertThat(validator.rejections(BarValidator.Reason.OUT_OF_ORDER)).isEqualTo(1);
  }

  @Test
  void reportsAGapWithItsBoundsAndStillAcceptsTheBar() {
    validator.check(bar(0, "1", "1", "1", "1"));

    BarValidator.Verdict verdict = validator.check(bar(4, "1", "1", "1", "1"));

    assertThat(verdict.accepted()).isTrue();
    assertThat(verdict.gapFrom()).isEqualTo(bar(1, "1", "1", "1", "1").openTime());
    assertThat(verdict.gapTo()).isEqualTo(bar(4, "1", "1", "1", "1").openTime());
    assertThat(validator.gaps()).isEqualTo(1);
  }

  @Test
  void countsMalformedInput() {
    validator.rejectMalformed("close is NaN");

    assertThat(validator.rejections(BarValidator.Reason.MALFORMED)).isEqualTo(1);
  }
}
