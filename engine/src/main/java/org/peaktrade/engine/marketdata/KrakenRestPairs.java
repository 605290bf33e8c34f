package org.peaktrade.engine.marketdata;

import java.util.Map;
import org.peaktrade.protocol.Symbol;

/**
 * Kraken's REST API names pairs differently from WebSocket v2: {@code BTC/USD} is {@code XBTUSD} and
 * {@code DOGE/USD} is {@code XDGUSD}. The default rule maps those two bases and drops the slash; anything else
 * can be configured explicitly.
 */
public final class KrakenRestPairs {
  private static final Map<String, String> REST_BASES = Map.of("BTC", "XBT", "DOGE", "XDG");

  private final Map<String, String> overrides;

  public KrakenRestPairs(Map<String, String> overrides) {
    this.overrides = Map.copyOf(overrides);
  }

  public String restPair(Symbol symbol) {
    String configured = overrides.get(symbol.value());
    if (configured != null) {
      return configured;
    }
    return REST_BASES.getOrDefault(symbol.base(), symbol.base()) + symbol.quote();
  }
}
