package org.peaktrade.engine.marketdata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import org.peaktrade.protocol.Symbol;

/**
 * The client-to-server frames of Kraken's WebSocket v2 public API: subscribe, unsubscribe and ping. One subscribe
 * frame covers many symbols of one channel; Kraken acknowledges each symbol separately. ohlc and book ask for a
 * snapshot, because the feed rebuilds candles and the order book from it after every (re)connection.
 */
public final class KrakenRequests {
  private static final ObjectMapper JSON = new ObjectMapper();

  private KrakenRequests() {}

  public static String subscribe(KrakenChannel channel, Collection<Symbol> symbols, long reqId) {
    return request("subscribe", channel, symbols, reqId);
  }

  public static String unsubscribe(KrakenChannel channel, Collection<Symbol> symbols, long reqId) {
    return request("unsubscribe", channel, symbols, reqId);
  }

  public static String ping(long reqId) {
    ObjectNode root = JSON.createObjectNode();
    root.put("method", "ping");
    root.put("req_id", reqId);
    return root.toString();
  }

  private static String request(String method, KrakenChannel channel, Collection<Symbol> symbols, long reqId) {
    if (symbols.isEmpty()) {
      throw new IllegalArgumentException(method + " " + channel.label() + " needs at least one symbol");
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("method", method);
    ObjectNode params = root.putObject("params");
    params.put("channel", channel.name());
    ArrayNode list = params.putArray("symbol");
    symbols.forEach(symbol -> list.add(symbol.value()));
    if (channel instanceof KrakenChannel.Ohlc ohlc) {
      params.put("interval", ohlc.minutes());
    } else if (channel instanceof KrakenChannel.Book book) {
      params.put("depth", book.depth());
    }
    if (method.equals("subscribe") && !(channel instanceof KrakenChannel.Ticker)) {
      params.put("snapshot", !(channel instanceof KrakenChannel.Trades));
    }
    root.put("req_id", reqId);
    return root.toString();
  }
}
