package org.peaktrade.actors.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.peaktrade.actors.session.TradingSession.Event;
import org.peaktrade.engine.strategy.Direction;
import org.peaktrade.protocol.Bar;

/**
 * Consecutive bars a session processed, as one journal event ({@link Event.BarsProcessed}) instead of one
 * {@link Event.BarProcessed} each: a write of a thousand bars that changed nothing is one row of compact text, not a
 * thousand rows of serialized objects. Each bar is a line {@code <open epoch seconds>,<open>,<high>,<low>,<close>,
 * <volume>,<wanted>} (the decimals exactly as the bar holds them, the position wanted as {@code L}, {@code F} or
 * {@code S}); symbol and interval are the run's. Reading a run back gives the very same bars, so a recovery applies
 * it exactly as it applied the single events (which it still reads, and which a bar the strategy failed on stays).
 */
final class BarRuns {
  private BarRuns() {}

  /**
   * {@code events} with every stretch of consecutive {@link Event.BarProcessed} (strategy answered, same symbol and
   * interval) of two or more bars replaced by one {@link Event.BarsProcessed}, in place; everything else unchanged
   * and in order.
   */
  static List<Event> compact(List<Event> events) {
    List<Event> compacted = new ArrayList<>(events.size());
    List<Event.BarProcessed> run = new ArrayList<>();
    for (Event event : events) {
      if (!runs(event)) {
        flush(run, compacted);
        compacted.add(event);
        continue;
      }
      Event.BarProcessed processed = (Event.BarProcessed) event;
      if (!run.isEmpty() && !sameSeries(run.get(0).bar(), processed.bar())) {
        flush(run, compacted);
      }
      run.add(processed);
    }
    flush(run, compacted);
    return compacted;
  }

  /** A run read back as the single events it stands for, oldest first: the same bars and wanted positions. */
  static List<Event.BarProcessed> expand(Event.BarsProcessed run) {
    List<Event.BarProcessed> processed = new ArrayList<>(run.bars().size());
    for (String line : run.bars()) {
      String[] fields = fields(line);
      processed.add(new Event.BarProcessed(bar(run, fields), wanted(fields[6]), null, run.at()));
    }
    return processed;
  }

  /** The bar of line {@code index} of {@code run}, read alone (the others are not parsed). */
  static Bar bar(Event.BarsProcessed run, int index) {
    return bar(run, fields(run.bars().get(index)));
  }

  private static String[] fields(String line) {
    return BarText.fields(line, 2 + BarText.PRICE_FIELDS, "a processed bar");
  }

  private static Bar bar(Event.BarsProcessed run, String[] fields) {
    return BarText.bar(run.symbol(), Instant.ofEpochSecond(Long.parseLong(fields[0])), run.interval(), fields, 1);
  }

  private static void flush(List<Event.BarProcessed> run, List<Event> into) {
    if (run.size() == 1) {
      into.add(run.get(0));
    } else if (run.size() > 1) {
      List<String> lines = new ArrayList<>(run.size());
      run.forEach(processed -> lines.add(line(processed.bar(), processed.wanted())));
      Bar first = run.get(0).bar();
      into.add(new Event.BarsProcessed(first.symbol(), first.interval(), lines, run.get(run.size() - 1).at()));
    }
    run.clear();
  }

  /** A bar the strategy answered, opening on a whole second (as every aligned candle does). */
  private static boolean runs(Event event) {
    return event instanceof Event.BarProcessed processed && processed.strategyFailure() == null
        && processed.wanted() != null && processed.bar().openTime().getNano() == 0;
  }

  private static boolean sameSeries(Bar a, Bar b) {
    return a.symbol().equals(b.symbol()) && a.interval().equals(b.interval());
  }

  private static String line(Bar bar, Direction wanted) {
    return bar.openTime().getEpochSecond() + "," + BarText.prices(bar) + "," + wanted.name().charAt(0);
  }

  private static Direction wanted(String letter) {
    for (Direction direction : Direction.values()) {
      if (direction.name().substring(0, 1).equals(letter)) {
        return direction;
      }
    }
    throw new IllegalArgumentException("not a wanted position: '" + letter + "'");
  }
}
