package org.peaktrade.engine.watchdog;

/**
 * Counts failed checks in a row. {@link #record} answers true exactly once per outage: on the failure that reaches
 * the limit. A success resets the count, so the next outage fires again.
 */
public final class ConsecutiveFailures {
  private final int limit;
  private int failuresInARow;

  public ConsecutiveFailures(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    this.limit = limit;
  }

  /** @return true if this result is the limit-th failure in a row */
  public boolean record(boolean success) {
    if (success) {
      failuresInARow = 0;
      return false;
    }
    failuresInARow++;
    return failuresInARow == limit;
  }

  public int failuresInARow() {
    return failuresInARow;
  }

  public int limit() {
    return limit;
  }
}
