package org.peaktrade.engine.data;

/**
 * Market data that cannot be trusted. The message reads {@code file:line: reason}, so a user can open the
 * file at the offending row; problems with the file as a whole (empty, missing header column, exchange
 * error) carry line 0 and read {@code file: reason}.
 */
public final class MarketDataFormatException extends RuntimeException {
  private final String file;
  private final long line;
  private final String reason;

  public MarketDataFormatException(String file, long line, String reason) {
    super(line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason);
    this.file = file;
    this.line = line;
    this.reason = reason;
  }

  static MarketDataFormatException ofFile(String file, String reason) {
    return new MarketDataFormatException(file, 0, reason);
  }

  public String file() {
    return file;
  }

  /** The 1-based line number, or 0 when the problem concerns the whole file. */
  public long line() {
    return line;
  }

  public String reason() {
    return reason;
  }
}
