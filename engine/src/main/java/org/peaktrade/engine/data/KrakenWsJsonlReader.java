package org.peaktrade.engine.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.peaktrade.engine.marketdata.CandleAssembler;
import org.peaktrade.engine.marketdata.KrakenWsFrame;
import org.peaktrade.engine.marketdata.KrakenWsParser;
import org.peaktrade.protocol.Bar;

/**
 * Replays a recording of a Kraken WebSocket v2 session: one raw frame per line, as received. Every line goes
 * through {@link KrakenWsParser}; ohlc candles of {@link LoadOptions#symbol()} feed a {@link CandleAssembler}, and
 * the bars it closes are the result, exactly what a live feed would have produced. The candle still forming at the
 * end of the recording is never emitted. Other frames (status, heartbeat, acks, other channels) are skipped.
 *
 * <p>The interval is {@link LoadOptions#bar()} when given, otherwise that of the symbol's first candle; candles of
 * other symbols or intervals belong to other subscriptions and are left out. A snapshot row older than the forming
 * candle is history sent again after a reconnect and is left out too; an update older than the forming candle is a
 * bad line. A line that is not a frame, or a frame with a malformed row, is a bad line as a whole.
 */
public final class KrakenWsJsonlReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private KrakenWsJsonlReader() {}

  public static LoadedBars read(Path file, LoadOptions options) throws IOException {
    String name = MarketDataFiles.displayName(file);
    Replay replay = new Replay(options, new RowProblems(name, options.skipBadRows()));
    try (CsvLines lines = CsvLines.open(file)) {
      String line = lines.next();
      if (line == null) {
        throw MarketDataFormatException.ofFile(name, "is empty; expected Kraken WebSocket v2 frames, one per line");
      }
      for (; line != null; line = lines.next()) {
        replay.frame(line, lines.lineNumber());
      }
    }
    return replay.result(name);
  }

  /** Whether {@code line} is a whole Kraken WebSocket v2 frame: a JSON object with a channel or a method. */
  static boolean isFrame(String line) {
    if (line == null || !line.stripLeading().startsWith("{")) {
      return false;
    }
    try {
      JsonNode node = JSON.readTree(line);
      return node != null && node.isObject() && (node.has("channel") || node.has("method"));
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /** The assembly of one load; mutable because it absorbs the recording one line at a time. */
  private static final class Replay {
    private final LoadOptions options;
    private final RowProblems problems;
    private final Set<String> otherSeries = new TreeSet<>();
    private final List<Candle> closed = new ArrayList<>();
    private CandleAssembler assembler;
    private Duration interval;
    private long formingLine;

    Replay(LoadOptions options, RowProblems problems) {
      this.options = options;
      this.problems = problems;
      this.interval = options.bar().orElse(null);
    }

    void frame(String line, long lineNumber) {
      KrakenWsFrame frame;
      try {
        frame = KrakenWsParser.parse(line);
      } catch (IllegalArgumentException e) {
        problems.reject(lineNumber, e.getMessage());
        return;
      }
      if (frame instanceof KrakenWsFrame.Candles candles) {
        candles(candles, lineNumber);
      }
    }

    private void candles(KrakenWsFrame.Candles frame, long lineNumber) {
      Instant formingBefore = assembler == null ? null
          : assembler.forming().map(Bar::openTime).orElse(null);
      for (int i = 0; i < frame.candles().size(); i++) {
        Bar candle = frame.candles().get(i);
        if (!isOurs(candle)) {
          continue;
        }
        if (frame.snapshot() && formingBefore != null && candle.openTime().isBefore(formingBefore)) {
          continue;
        }
        CandleAssembler.Outcome outcome = assembler.onRunningCandle(candle);
        if (outcome.rejected()) {
          problems.reject(lineNumber, "ohlc data[" + i + "]: " + outcome.rejection());
          continue;
        }
        for (int c = 0; c < outcome.closed().size(); c++) {
          Bar bar = outcome.closed().get(c);
          closed.add(new Candle(c == 0 ? formingLine : lineNumber, bar.openTime(), bar.open(), bar.high(),
              bar.low(), bar.close(), bar.volume()));
        }
        formingLine = lineNumber;
      }
    }

    private boolean isOurs(Bar candle) {
      boolean ours = candle.symbol().equals(options.symbol())
          && (interval == null || candle.interval().equals(interval));
      if (!ours) {
        otherSeries.add(series(candle));
        return false;
      }
      if (assembler == null) {
        interval = candle.interval();
        assembler = new CandleAssembler(options.symbol(), interval);
      }
      return true;
    }

    LoadedBars result(String name) {
      if (assembler == null) {
        throw MarketDataFormatException.ofFile(name, "holds no ohlc candles for " + options.symbol()
            + options.bar().map(bar -> " " + BarInterval.format(bar)).orElse("")
            + (otherSeries.isEmpty() ? "" : "; it has " + String.join(", ", otherSeries)
                + " (choose with --symbol and --bar)"));
      }
      Optional<Bar> forming = assembler.forming();
      if (closed.isEmpty() && forming.isPresent()) {
        throw MarketDataFormatException.ofFile(name, "holds only the forming candle at " + forming.get().openTime()
            + "; a candle is closed only when a later one arrives");
      }
      return BarAssembly.assemble(options.symbol(), Optional.of(interval), closed, problems);
    }

    private static String series(Bar candle) {
      return candle.symbol() + " " + BarInterval.format(candle.interval());
    }
  }
}
