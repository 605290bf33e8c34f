package org.peaktrade.engine.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.peaktrade.protocol.Quantity;

/**
 * Reads a generic OHLCV CSV: a header row, then one bar per row. Column names are case-insensitive; the
 * time is the leftmost of {@code date, time, timestamp, timestamp_ms, datetime, open_time}; {@code open,
 * high, low, close} are required, {@code volume} is optional (0 when absent) and other columns are ignored.
 * Times are ISO-8601 (UTC unless an offset is given) or unix seconds/milliseconds, see {@code
 * docs/data-formats.md}.
 */
public final class OhlcvCsvReader {

  private OhlcvCsvReader() {}

  /** Reads the bars; {@code options.bar()}, if present, is used instead of detecting the interval. */
  public static LoadedBars read(Path file, LoadOptions options) throws IOException {
    RowProblems problems = new RowProblems(MarketDataFiles.displayName(file), options.skipBadRows());
    List<Candle> candles = new ArrayList<>();
    try (CsvLines lines = CsvLines.open(file)) {
      String headerLine = lines.next();
      if (headerLine == null) {
        throw MarketDataFormatException.ofFile(problems.file(),
            "is empty; expected a header such as timestamp,open,high,low,close,volume");
      }
      Columns columns = Columns.locate(CsvHeader.of(CsvLines.split(headerLine)), problems.file(),
          lines.lineNumber());
      for (String line = lines.next(); line != null; line = lines.next()) {
        try {
          candles.add(columns.candle(CsvLines.split(line), lines.lineNumber()));
        } catch (RowRejected e) {
          problems.reject(lines.lineNumber(), e.getMessage());
        }
      }
    }
    return BarAssembly.assemble(options.symbol(), options.bar(), candles, problems);
  }

  /** Column positions, found once from the header; {@code volume} is -1 when the file has none. */
  private record Columns(CsvHeader header, int time, int open, int high, int low, int close, int volume) {

    static Columns locate(CsvHeader header, String file, long line) {
      return new Columns(header,
          require(header, header.indexOfAny(CsvHeader.TIME_COLUMNS), "a time column ("
              + String.join(", ", CsvHeader.TIME_COLUMNS) + ")", file, line),
          require(header, header.indexOf("open"), "column 'open'", file, line),
          require(header, header.indexOf("high"), "column 'high'", file, line),
          require(header, header.indexOf("low"), "column 'low'", file, line),
          require(header, header.indexOf("close"), "column 'close'", file, line),
          header.indexOf("volume"));
    }

    private static int require(CsvHeader header, int index, String what, String file, long line) {
      if (index < 0) {
        throw new MarketDataFormatException(file, line, "header has no " + what + ": '" + header + "'");
      }
      return index;
    }

    Candle candle(String[] fields, long line) {
      if (fields.length != header.size()) {
        throw new RowRejected(
            "expected " + header.size() + " fields as in the header but found " + fields.length);
      }
      return Candle.checked(line,
          Timestamps.parse(fields[time], header.label(time)),
          Fields.price(fields[open], header.label(open)),
          Fields.price(fields[high], header.label(high)),
          Fields.price(fields[low], header.label(low)),
          Fields.price(fields[close], header.label(close)),
          volume < 0 ? Quantity.ZERO : Fields.nonNegative(fields[volume], header.label(volume)));
    }
  }
}
