package org.peaktrade.engine.time;

/**
 * A monotonic time source in nanoseconds, for ages and durations only: readings mean nothing on their own and only
 * their differences count (within one process). Unlike a wall {@link java.time.Clock}, an NTP step or an operator
 * setting the date neither freshens an old reading nor ages a new one. Production uses {@link #SYSTEM}; tests use a
 * ticker they advance by hand.
 */
@FunctionalInterface
public interface Ticker {
  Ticker SYSTEM = System::nanoTime;

  long nanos();

  /** The reading in whole milliseconds (same origin, so differences stay exact to the millisecond). */
  default long millis() {
    return Math.floorDiv(nanos(), 1_000_000L);
  }
}
