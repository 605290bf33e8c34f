package org.peaktrade.actors.session;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.peaktrade.protocol.Symbol;

/** The bar feeds of a node by symbol, as the node wires them from its feed hubs and replays. */
public interface SessionFeeds {

  /** The feed for {@code symbol}; empty when the node does not subscribe to it. */
  Optional<BarFeed> feed(Symbol symbol);

  /** Every symbol with a feed, for messages that say what would have been accepted. */
  Set<Symbol> symbols();

  static SessionFeeds of(Map<Symbol, BarFeed> feeds) {
    Map<Symbol, BarFeed> copy = Map.copyOf(feeds);
    return new SessionFeeds() {
      @Override
      public Optional<BarFeed> feed(Symbol symbol) {
        return Optional.ofNullable(copy.get(symbol));
      }

      @Override
      public Set<Symbol> symbols() {
        Set<Symbol> sorted = new TreeSet<>((a, b) -> a.value().compareTo(b.value()));
        sorted.addAll(copy.keySet());
        return sorted;
      }
    };
  }
}
