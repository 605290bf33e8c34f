package org.peaktrade.engine.marketdata;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A Kraken WebSocket v2 public channel as the feed subscribes to it: {@code ohlc:N} (N minutes), {@code trade},
 * {@code ticker} or {@code book:D} (depth D). {@link #parse} reads the text form used in configuration and on the
 * command line and rejects anything Kraken would refuse, listing what it accepts.
 */
public sealed interface KrakenChannel {
  List<Integer> OHLC_INTERVALS = List.of(1, 5, 15, 30, 60, 240, 1440, 10080, 21600);
  Set<Integer> BOOK_DEPTHS = Set.of(10, 25, 100, 500, 1000);

  /** Kraken's channel name. */
  String name();

  /** The text form that {@link #parse} reads back. */
  String label();

  record Ohlc(int minutes) implements KrakenChannel {
    public Ohlc {
      if (!OHLC_INTERVALS.contains(minutes)) {
        throw new IllegalArgumentException("ohlc interval must be one of " + OHLC_INTERVALS + " minutes, not " + minutes);
      }
    }

    public Duration interval() {
      return Duration.ofMinutes(minutes);
    }

    @Override
    public String name() {
      return "ohlc";
    }

    @Override
    public String label() {
      return "ohlc:" + minutes;
    }
  }

  record Trades() implements KrakenChannel {
    @Override
    public String name() {
      return "trade";
    }

    @Override
    public String label() {
      return "trade";
    }
  }

  record Ticker() implements KrakenChannel {
    @Override
    public String name() {
      return "ticker";
    }

    @Override
    public String label() {
      return "ticker";
    }
  }

  record Book(int depth) implements KrakenChannel {
    public Book {
      if (!BOOK_DEPTHS.contains(depth)) {
        throw new IllegalArgumentException("book depth must be one of " + List.of(10, 25, 100, 500, 1000)
            + ", not " + depth);
      }
    }

    @Override
    public String name() {
      return "book";
    }

    @Override
    public String label() {
      return "book:" + depth;
    }
  }

  /** Reads {@code ohlc:1}, {@code trade}, {@code ticker}, {@code book:10}; {@code ohlc} alone means 1 minute. */
  static KrakenChannel parse(String text) {
    String trimmed = text == null ? "" : text.trim();
    String[] parts = trimmed.split(":", 2);
    String argument = parts.length == 2 ? parts[1] : null;
    switch (parts[0]) {
      case "ohlc":
        return new Ohlc(argument == null ? 1 : number(argument, trimmed));
      case "book":
        return new Book(argument == null ? 10 : number(argument, trimmed));
      case "trade":
        noArgument(argument, trimmed);
        return new Trades();
      case "ticker":
        noArgument(argument, trimmed);
        return new Ticker();
      default:
        throw new IllegalArgumentException("unknown channel '" + trimmed
            + "'; expected ohlc:MINUTES, trade, ticker or book:DEPTH");
    }
  }

  private static int number(String argument, String text) {
    try {
      return Integer.parseInt(argument);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("channel '" + text + "': '" + argument + "' is not a whole number");
    }
  }

  private static void noArgument(String argument, String text) {
    if (argument != null) {
      throw new IllegalArgumentException("channel '" + text + "' takes no ':' argument");
    }
  }
}
