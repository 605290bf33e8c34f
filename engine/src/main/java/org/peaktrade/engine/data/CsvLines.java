package org.peaktrade.engine.data;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The non-blank lines of a CSV (or JSON Lines) file with their 1-based line numbers. Tolerates what spreadsheet
 * and Windows exports add: a UTF-8 byte order mark, {@code \r\n} endings, blank lines, and quotes around
 * fields. Quoted fields that contain commas are not supported; market data never needs them.
 */
final class CsvLines implements Closeable {
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final BufferedReader reader;
  private long lineNumber;

  private CsvLines(BufferedReader reader) {
    this.reader = reader;
  }

  static CsvLines open(Path file) throws IOException {
    return new CsvLines(Files.newBufferedReader(file, StandardCharsets.UTF_8));
  }

  /** The next line that is not blank, or null at the end of the file. */
  String next() throws IOException {
    String line;
    do {
      line = reader.readLine();
      if (line == null) {
        return null;
      }
      lineNumber++;
      if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
        line = line.substring(1);
      }
    } while (line.isBlank());
    return line;
  }

  /** The line number of the line last returned by {@link #next()}. */
  long lineNumber() {
    return lineNumber;
  }

  /** Splits on commas without a regex (this runs once per row); fields are trimmed and unquoted. */
  static String[] split(String line) {
    int count = 1;
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == ',') {
        count++;
      }
    }
    String[] fields = new String[count];
    int start = 0;
    for (int field = 0; field < count; field++) {
      int end = field == count - 1 ? line.length() : line.indexOf(',', start);
      fields[field] = clean(line, start, end);
      start = end + 1;
    }
    return fields;
  }

  private static String clean(String line, int start, int end) {
    while (start < end && Character.isWhitespace(line.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(line.charAt(end - 1))) {
      end--;
    }
    if (end - start >= 2 && line.charAt(start) == '"' && line.charAt(end - 1) == '"') {
      return clean(line, start + 1, end - 1);
    }
    return line.substring(start, end);
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
