package org.peaktrade.actors.marketdata;

import java.time.Duration;
import java.util.Locale;

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

  /** Reads {@code max}, {@code realtime} or a factor such as {@code 60} or {@code 60x}. */
  static ReplaySpeed parse(String text) {
    String trimmed = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (trimmed.equals("max")) {
      return asFastAsPossible();
    }
    if (trimmed.equals("realtime")) {
      return realTime();
    }
    try {
      return times(Double.parseDouble(trimmed.replaceFirst("x$", "")));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("speed must be max, realtime or a positive factor such as 60, not '"
          + text + "'");
    }
  }
}
