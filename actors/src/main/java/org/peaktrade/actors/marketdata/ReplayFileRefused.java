package org.peaktrade.actors.marketdata;

import java.util.List;

/**
 * A replay file that cannot be played: unreadable, without usable bars, or with bad rows that the caller does not
 * want left out. The message names the path and, for rows, each of the first ones as {@code path:line: reason};
 * {@link #badRows()} lists them all.
 */
public final class ReplayFileRefused extends RuntimeException {
  private final List<String> badRows;

  public ReplayFileRefused(String message, List<String> badRows) {
    super(message);
    this.badRows = List.copyOf(badRows);
  }

  /** Every bad row as {@code path:line: reason}, in line order; empty when the file as a whole is the problem. */
  public List<String> badRows() {
    return badRows;
  }

  /**
   * The same refusal, its message starting with {@code context} and, when rows were refused, ending with
   * {@code rowAdvice} (how the caller's user leaves them out: an option or a setting).
   */
  public ReplayFileRefused explained(String context, String rowAdvice) {
    return new ReplayFileRefused(context + getMessage() + (badRows.isEmpty() ? "" : "\n" + rowAdvice), badRows);
  }
}
