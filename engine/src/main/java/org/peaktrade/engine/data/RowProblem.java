package org.peaktrade.engine.data;

import java.util.Objects;

/** A row that was skipped because it could not be read; {@code line} is the 1-based line in {@code file}. */
public record RowProblem(String file, long line, String reason) {

  public RowProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(reason, "reason");
  }

  /** The same {@code file:line: reason} form as {@link MarketDataFormatException}, for logs and CLI output. */
  @Override
  public String toString() {
    return file + ":" + line + ": " + reason;
  }
}
