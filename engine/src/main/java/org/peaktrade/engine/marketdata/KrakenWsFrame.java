package org.peaktrade.engine.marketdata;

import java.util.List;
import java.util.Objects;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quote;
import org.peaktrade.protocol.Trade;

/** One Kraken WebSocket v2 frame, parsed. Everything the feed does not need is {@link Other}. */
public sealed interface KrakenWsFrame {

  /** {@code channel: status}; the connection id is text because Kraken's exceeds a signed 64-bit integer. */
  record Status(String system, String connectionId) implements KrakenWsFrame {}

  record Heartbeat() implements KrakenWsFrame {}

  /** A subscribe/unsubscribe acknowledgement, one per symbol; {@code error} set when it failed. */
  record Ack(String method, boolean success, String channel, String symbol, String error, Long reqId)
      implements KrakenWsFrame {}

  record Pong(Long reqId) implements KrakenWsFrame {}

  /** ohlc snapshot or update: running candles, oldest first, as bars with openTime = interval_begin. */
  record Candles(boolean snapshot, List<Bar> candles) implements KrakenWsFrame {
    public Candles {
      candles = List.copyOf(candles);
    }
  }

  /** trade snapshot (the most recent trades) or update: public trades in the order sent, trade ids unique. */
  record Trades(boolean snapshot, List<Trade> trades) implements KrakenWsFrame {
    public Trades {
      trades = List.copyOf(trades);
    }
  }

  /**
   * ticker snapshot or update for one symbol: the best bid and offer at the row's time (or the frame's, when the
   * row has none), and the last trade price, null when the row carries none.
   */
  record Ticker(boolean snapshot, Quote quote, Price last) implements KrakenWsFrame {
    public Ticker {
      Objects.requireNonNull(quote, "quote");
    }
  }

  /**
   * book snapshot or update for one symbol: levels in the order sent, at the scale sent, and the exchange's
   * unsigned CRC32 of its top 10 levels after this message is applied.
   */
  record Book(boolean snapshot, String symbol, List<KrakenBookLevel> bids, List<KrakenBookLevel> asks,
      long checksum) implements KrakenWsFrame {
    public Book {
      bids = List.copyOf(bids);
      asks = List.copyOf(asks);
    }
  }

  /** A frame of a channel or method this client does not consume. */
  record Other(String kind) implements KrakenWsFrame {}
}
