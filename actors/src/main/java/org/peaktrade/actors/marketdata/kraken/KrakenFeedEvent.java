package org.peaktrade.actors.marketdata.kraken;

import java.util.List;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Quote;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.Trade;

/**
 * What flows inside the Kraken feed between the connection and the per-symbol hubs. A connection emits
 * {@link ConnectionStarted} first, then running candles, trades and quotes; the stitching stage turns running
 * candles into {@link BarClosed}.
 */
sealed interface KrakenFeedEvent {

  /** The symbol the event is about, or null for connection-level events. */
  Symbol symbol();

  /** A new connection (attempt {@code attempt}) begins: everything forming on the previous one is suspect. */
  record ConnectionStarted(long attempt) implements KrakenFeedEvent {
    @Override
    public Symbol symbol() {
      return null;
    }
  }

  /** ohlc snapshot or update rows of one symbol, oldest first; each is a running (forming) candle. */
  record RunningCandles(Symbol symbol, List<Bar> candles) implements KrakenFeedEvent {
    public RunningCandles {
      candles = List.copyOf(candles);
    }
  }

  /** A candle that is known to be complete. */
  record BarClosed(Bar bar) implements KrakenFeedEvent {
    @Override
    public Symbol symbol() {
      return bar.symbol();
    }
  }

  record TradePrinted(Trade trade) implements KrakenFeedEvent {
    @Override
    public Symbol symbol() {
      return trade.symbol();
    }
  }

  /** Best bid and offer from the {@code ticker} channel or from the top of the local {@code book}. */
  record QuoteChanged(Quote quote, String channel) implements KrakenFeedEvent {
    @Override
    public Symbol symbol() {
      return quote.symbol();
    }
  }
}
