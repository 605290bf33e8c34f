package org.peaktrade.engine.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The bad-row policy of one load: fail on the first bad row, or remember it and carry on. */
final class RowProblems {
  private final String file;
  private final boolean skipBadRows;
  private final List<RowProblem> skipped = new ArrayList<>();

  RowProblems(String file, boolean skipBadRows) {
    this.file = file;
    this.skipBadRows = skipBadRows;
  }

  String file() {
    return file;
  }

  void reject(long line, String reason) {
    if (!skipBadRows) {
      throw new MarketDataFormatException(file, line, reason);
    }
    skipped.add(new RowProblem(file, line, reason));
  }

  /** Problems are found in several passes (fields, then ordering), so sort them for the reader. */
  List<RowProblem> skipped() {
    return skipped.stream().sorted(Comparator.comparingLong(RowProblem::line)).toList();
  }
}
