package org.peaktrade.engine.data;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A hole in a file's bars: no bar covers {@code from} (the close of the bar before) up to {@code to} (the open of the
 * bar on {@code line}, 1-based). Not a bad row: exchanges have outages and quiet markets have minutes without trades,
 * so the bars on both sides are kept, and the hole is reported so that it is never a surprise.
 */
public record BarGap(String file, long line, Instant from, Instant to, Duration interval) {

  public BarGap {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(interval, "interval");
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("a gap ends after it starts: " + from + " to " + to);
    }
  }

  /** How many bars of {@code interval} would fill the hole. */
  public long missingBars() {
    return Duration.between(from, to).dividedBy(interval);
  }

  /**
   * What is missing, e.g. {@code gap: no bar from 2022-01-01T00:03:00Z to 2022-01-01T00:06:00Z (3 missing 1m bars)}.
   */
  public String reason() {
    long missing = missingBars();
    return "gap: no bar from " + from + " to " + to + " (" + missing + " missing " + BarInterval.format(interval)
        + " bar" + (missing == 1 ? "" : "s") + ")";
  }

  /** The {@code file:line: reason} form of {@link RowProblem}, for logs and CLI output. */
  @Override
  public String toString() {
    return file + ":" + line + ": " + reason();
  }
}
