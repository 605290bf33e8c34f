package org.peaktrade.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

/** Runs an indicator over a series and compares it with reference values. */
final class Oracle {

  /** Tolerance for a value: passes when within {@code absolute} or within {@code relative} of the expected one. */
  record Tolerance(double absolute, double relative) {

    /** Achelis' book values are printed to about 4 decimals. */
    static final Tolerance BOOK = new Tolerance(1e-4, 1e-3);
    /** Tulip's own regression outputs are rounded to 3 decimals. */
    static final Tolerance THREE_DECIMALS = new Tolerance(5.01e-4, 0);

    boolean accepts(double actual, double expected) {
      double error = Math.abs(actual - expected);
      return error <= absolute || error <= relative * Math.abs(expected);
    }
  }

  private Oracle() {}

  /** Feeds bars {@code 0..size-1} through {@code step}, which updates the indicator and returns its value. */
  static double[] run(int size, IntToDoubleFunction step) {
    return IntStream.range(0, size).mapToDouble(step).toArray();
  }

  /**
   * Asserts {@code expected} against the end of {@code actual}, as Tulip lines outputs up; the first
   * {@code notYetReady} expected values fall inside our longer warm-up and must be NaN on our side.
   */
  static void assertEndAligned(double[] actual, double[] expected, Tolerance tolerance, int notYetReady) {
    int offset = actual.length - expected.length;
    for (int j = 0; j < expected.length; j++) {
      double value = actual[offset + j];
      if (j < notYetReady) {
        assertThat(value).as("bar %d is still warming up", offset + j).isNaN();
      } else {
        assertThat(tolerance.accepts(value, expected[j]))
            .as("bar %d: expected %s but was %s (%s)", offset + j, expected[j], value, tolerance)
            .isTrue();
      }
    }
  }

  static void assertEndAligned(double[] actual, double[] expected, Tolerance tolerance) {
    assertEndAligned(actual, expected, tolerance, 0);
  }

  /** Asserts the rows {@code from..end} of two equally long series. */
  static void assertRows(double[] actual, double[] expected, int from, Tolerance tolerance) {
    assertThat(actual).hasSameSizeAs(expected);
    assertThat(from).isLessThan(expected.length);
    for (int i = from; i < expected.length; i++) {
      assertThat(tolerance.accepts(actual[i], expected[i]))
          .as("row %d: expected %s but was %s (%s)", i, expected[i], actual[i], tolerance)
          .isTrue();
    }
  }
}
