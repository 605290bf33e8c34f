package org.peaktrade.engine.data;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;

/**
 * Aggregates a trade-history CSV into bars. Rows are {@code unix_seconds,price,volume} as in Kraken's
 * downloadable history, without a header; a header row is optional (e.g. ta4j's {@code
 * timestamp,price,amount}) and then names the columns.
 *
 * <p>Bars are aligned to the epoch (a 1h bar opens on the hour, a 1d bar at UTC midnight): open is the
 * first trade, close the last, volume the sum. An interval without trades produces no bar, because a
 * synthetic bar would be a price nobody traded at. Trades must be in time order (equal times are normal);
 * an earlier time is a bad row.
 */
public final class TradesCsvAggregator {
  private static final List<String> VOLUME_COLUMNS = List.of("amount", "volume", "quantity");

  private TradesCsvAggregator() {}

  /** Aggregates into bars of {@code options.bar()}, which is required. */
  public static LoadedBars aggregate(Path file, LoadOptions options) throws IOException {
    String name = MarketDataFiles.displayName(file);
    Duration bar = options.bar().orElseThrow(() -> new IllegalArgumentException(
        name + " holds trades; aggregating them needs a bar interval (--bar 1m, 5m, 15m, 1h, 4h or 1d)"));
    RowProblems problems = new RowProblems(name, options.skipBadRows());
    List<Candle> candles = new ArrayList<>();
    try (CsvLines lines = CsvLines.open(file)) {
      String line = lines.next();
      if (line == null) {
        throw MarketDataFormatException.ofFile(name, "is empty; expected trades as unix_seconds,price,volume");
      }
      Columns columns = Columns.POSITIONAL;
      String[] firstFields = CsvLines.split(line);
      if (!firstFields[0].isEmpty() && Character.isLetter(firstFields[0].charAt(0))) {
        columns = Columns.locate(CsvHeader.of(firstFields), name, lines.lineNumber());
        line = lines.next();
      }
      Bucket bucket = null;
      long previousLine = 0;
      Instant previousTime = null;
      for (; line != null; line = lines.next()) {
        long lineNumber = lines.lineNumber();
        TradeRow trade;
        try {
          trade = columns.trade(CsvLines.split(line));
        } catch (RowRejected e) {
          problems.reject(lineNumber, e.getMessage());
          continue;
        }
        if (previousTime != null && trade.time().isBefore(previousTime)) {
          problems.reject(lineNumber, "trade at " + trade.time() + " is before the trade at " + previousTime
              + " on line " + previousLine + "; trades must be in time order");
          continue;
        }
        Instant openTime = alignedOpen(trade.time(), bar);
        if (bucket == null || !bucket.openTime.equals(openTime)) {
          if (bucket != null) {
            candles.add(bucket.toCandle());
          }
          bucket = new Bucket(lineNumber, openTime, trade);
        } else {
          bucket.add(trade);
        }
        previousTime = trade.time();
        previousLine = lineNumber;
      }
      if (bucket != null) {
        candles.add(bucket.toCandle());
      }
    }
    return BarAssembly.assemble(options.symbol(), options.bar(), candles, problems);
  }

  private static Instant alignedOpen(Instant time, Duration bar) {
    long barMillis = bar.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), barMillis) * barMillis);
  }

  private record TradeRow(Instant time, Price price, BigDecimal volume) {}

  /** Column positions and their labels for messages; without a header the layout is Kraken's. */
  private record Columns(int size, int time, int price, int volume, List<String> labels) {
    static final Columns POSITIONAL =
        new Columns(3, 0, 1, 2, List.of("column 'timestamp'", "column 'price'", "column 'volume'"));

    static Columns locate(CsvHeader header, String file, long line) {
      int time = header.indexOfAny(CsvHeader.TIME_COLUMNS);
      int price = header.indexOf("price");
      int volume = header.indexOfAny(VOLUME_COLUMNS);
      if (time < 0 || price < 0 || volume < 0) {
        throw new MarketDataFormatException(file, line, "trade header needs a time column ("
            + String.join(", ", CsvHeader.TIME_COLUMNS) + "), 'price' and one of " + VOLUME_COLUMNS
            + ": '" + header + "'");
      }
      List<String> labels = new ArrayList<>();
      for (int i = 0; i < header.size(); i++) {
        labels.add(header.label(i));
      }
      return new Columns(header.size(), time, price, volume, labels);
    }

    TradeRow trade(String[] fields) {
      if (fields.length != size) {
        throw new RowRejected("expected " + size + " fields but found " + fields.length);
      }
      return new TradeRow(Timestamps.parse(fields[time], label(time)),
          Fields.price(fields[price], label(price)),
          Fields.positive(fields[volume], label(volume)));
    }

    private String label(int index) {
      return labels.get(index);
    }
  }

  /** The bar being built; mutable because it absorbs one trade at a time. */
  private static final class Bucket {
    private final long line;
    private final Instant openTime;
    private final Price open;
    private Price high;
    private Price low;
    private Price close;
    private BigDecimal volume;

    Bucket(long line, Instant openTime, TradeRow first) {
      this.line = line;
      this.openTime = openTime;
      this.open = first.price();
      this.high = first.price();
      this.low = first.price();
      this.close = first.price();
      this.volume = first.volume();
    }

    void add(TradeRow trade) {
      if (trade.price().isAbove(high)) {
        high = trade.price();
      }
      if (trade.price().isBelow(low)) {
        low = trade.price();
      }
      close = trade.price();
      volume = volume.add(trade.volume());
    }

    Candle toCandle() {
      return new Candle(line, openTime, open, high, low, close, new Quantity(volume));
    }
  }
}
