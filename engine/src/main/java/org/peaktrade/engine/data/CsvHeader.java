package org.peaktrade.engine.data;

import java.util.List;
import java.util.Locale;

/** A CSV header row: column names matched case-insensitively, positions looked up once per file. */
final class CsvHeader {
  static final List<String> TIME_COLUMNS =
      List.of("date", "time", "timestamp", "timestamp_ms", "datetime", "open_time");

  private final String[] names;
  private final String[] keys;
  private final String[] labels;

  private CsvHeader(String[] names) {
    this.names = names;
    this.keys = new String[names.length];
    this.labels = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      keys[i] = names[i].toLowerCase(Locale.ROOT);
      labels[i] = "column '" + names[i] + "'";
    }
  }

  static CsvHeader of(String[] fields) {
    return new CsvHeader(fields);
  }

  int size() {
    return names.length;
  }

  /** {@code column 'Close'}, spelled as in the file, for messages; built once rather than per row. */
  String label(int index) {
    return labels[index];
  }

  /** The leftmost column whose name is one of {@code candidates}, or -1. */
  int indexOfAny(List<String> candidates) {
    for (int i = 0; i < keys.length; i++) {
      if (candidates.contains(keys[i])) {
        return i;
      }
    }
    return -1;
  }

  int indexOf(String name) {
    return indexOfAny(List.of(name));
  }

  boolean describesBars() {
    return indexOfAny(TIME_COLUMNS) >= 0
        && indexOf("open") >= 0 && indexOf("high") >= 0 && indexOf("low") >= 0 && indexOf("close") >= 0;
  }

  @Override
  public String toString() {
    return String.join(",", names);
  }
}
