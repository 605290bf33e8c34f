package org.peaktrade.engine.marketdata;

import java.util.Objects;
import org.peaktrade.protocol.Symbol;

/** One symbol on one channel of the Kraken feed, e.g. {@code BTC/USD ohlc:1}. */
public record KrakenSubscription(Symbol symbol, KrakenChannel channel) {
  public KrakenSubscription {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(channel, "channel");
  }

  @Override
  public String toString() {
    return symbol + " " + channel.label();
  }
}
