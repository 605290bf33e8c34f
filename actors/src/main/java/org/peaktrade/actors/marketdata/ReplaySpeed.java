package org.peaktrade.actors.marketdata;

import java.time.Duration;

/** How fast a {@link ReplaySource} plays a file back. */
public sealed interface ReplaySpeed {

  /** Bars are emitted as soon as downstream asks: for backtests and tests. */
  record AsFastAsPossible() implements ReplaySpeed {}

  /** Market time runs {@code factor} times faster than wall time; 1 is real time. */
  record Scaled(double factor) implements ReplaySpeed {
    public Scaled {
      if (!(factor > 0) || Double.isInfinite(factor)) {
        throw new IllegalArgumentException("replay speed factor must be positive and finite: " + factor);
      }
    }

    /** Wall time that corresponds to {@code marketTime} at this speed. */
    public Duration wallTime(Duration marketTime) {
      return Duration.ofNanos(Math.round(marketTime.toNanos() / factor));
    }
  }

  static ReplaySpeed asFastAsPossible() {
    return new AsFastAsPossible();
  }

  static ReplaySpeed realTime() {
    return new Scaled(1.0);
  }

  static ReplaySpeed times(double factor) {
    return new Scaled(factor);
  }
}
