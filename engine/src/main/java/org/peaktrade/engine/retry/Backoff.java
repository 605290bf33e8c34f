package org.peaktrade.engine.retry;

import java.time.Duration;

/**
 * Exponential backoff, capped and jittered: the delay before retry {@code n} (1 for the first retry) is
 * {@code min * 2^(n-1)}, at most {@code max}, then stretched by up to {@code randomFactor} (a delay of 10 s with
 * factor 0.2 lands in [10 s, 12 s]) so that many retriers do not fire in lock-step. The randomness is a parameter,
 * so the delays are deterministic in tests.
 */
public record Backoff(Duration min, Duration max, double randomFactor) {

  public Backoff {
    if (min.isNegative() || min.isZero()) {
      throw new IllegalArgumentException("min-backoff must be positive: " + min);
    }
    if (max.compareTo(min) < 0) {
      throw new IllegalArgumentException("max-backoff (" + max + ") must be at least min-backoff (" + min + ")");
    }
    if (randomFactor < 0 || randomFactor > 1 || Double.isNaN(randomFactor)) {
      throw new IllegalArgumentException("random-factor must be within [0, 1]: " + randomFactor);
    }
  }

  /** The delay before retry {@code retry} (1-based) given a uniform {@code random} in [0, 1). */
  public Duration delay(int retry, double random) {
    if (retry < 1) {
      throw new IllegalArgumentException("retries count from 1: " + retry);
    }
    long maxMillis = max.toMillis();
    long millis = min.toMillis();
    for (int i = 1; i < retry && millis < maxMillis; i++) {
      millis *= 2;
    }
    millis = Math.min(millis, maxMillis);
    return Duration.ofMillis(millis + Math.round(millis * randomFactor * random));
  }
}
