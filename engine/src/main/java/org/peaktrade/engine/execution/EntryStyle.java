package org.peaktrade.engine.execution;

import java.math.BigDecimal;
import org.peaktrade.protocol.Decimals;

/**
 * The order type used to open a position. Exits are always market orders: getting out must not wait for a
 * price. LIMIT enters {@code offsetBps} better than the reference price, STOP {@code offsetBps} worse (a
 * breakout confirmation); both expire after {@code validBars} bars unfilled.
 */
public sealed interface EntryStyle {

  /** The form {@link #parse} reads. */
  String spec();

  record Market() implements EntryStyle {
    @Override
    public String spec() {
      return "market";
    }
  }

  record Limit(BigDecimal offsetBps, int validBars) implements EntryStyle {
    public Limit {
      validate(offsetBps, validBars);
    }

    @Override
    public String spec() {
      return "limit:" + offsetBps.toPlainString() + ":" + validBars;
    }
  }

  record Stop(BigDecimal offsetBps, int validBars) implements EntryStyle {
    public Stop {
      validate(offsetBps, validBars);
    }

    @Override
    public String spec() {
      return "stop:" + offsetBps.toPlainString() + ":" + validBars;
    }
  }

  EntryStyle MARKET = new Market();

  /** Parses {@code market}, {@code limit:BPS[:BARS]} or {@code stop:BPS[:BARS]} (BARS defaults to 1). */
  static EntryStyle parse(String spec) {
    String[] parts = spec.split(":");
    String usage = "use market, limit:BPS[:BARS] or stop:BPS[:BARS]";
    if (parts.length == 1 && parts[0].equals("market")) {
      return MARKET;
    }
    if (parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException("unknown entry '" + spec + "': " + usage);
    }
    BigDecimal bps = Decimals.parse(parts[1], "entry offset bps");
    int bars = parts.length == 3 ? parseBars(parts[2]) : 1;
    return switch (parts[0]) {
      case "limit" -> new Limit(bps, bars);
      case "stop" -> new Stop(bps, bars);
      default -> throw new IllegalArgumentException("unknown entry '" + spec + "': " + usage);
    };
  }

  private static int parseBars(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("entry validity must be a whole number of bars: '" + text + "'");
    }
  }

  private static void validate(BigDecimal offsetBps, int validBars) {
    if (offsetBps.signum() < 0 || offsetBps.compareTo(BigDecimal.valueOf(10_000)) >= 0) {
      throw new IllegalArgumentException("entry offset must be in [0, 10000) bps: " + offsetBps.toPlainString());
    }
    if (validBars < 1) {
      throw new IllegalArgumentException("entry validity must be at least 1 bar: " + validBars);
    }
  }
}
