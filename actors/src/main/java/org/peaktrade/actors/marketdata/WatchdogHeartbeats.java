package org.peaktrade.actors.marketdata;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.javadsl.Flow;
import org.peaktrade.actors.watchdog.Watchdog;
import org.peaktrade.engine.watchdog.SourceKind;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.killswitch.KillSwitchScope;

/**
 * Connects a feed to the {@link Watchdog}: every symbol of the feed is a {@code MARKET_DATA} heartbeat source named
 * {@code FEED:SYMBOL} that must show data within its timeout, else the watchdog kills the configured scope; the
 * flow beats for each element's symbol, at most once per {@link #EVERY} per symbol, so a busy feed does not flood
 * the watchdog's mailbox. Elements pass unchanged; elements without a symbol (connection events) do not beat.
 */
public final class WatchdogHeartbeats {
  public static final Duration EVERY = Duration.ofSeconds(1);

  private WatchdogHeartbeats() {}

  public static String source(String feed, Symbol symbol) {
    return feed + ":" + symbol;
  }

  public static void register(ActorRef<Watchdog.Command> watchdog, String feed, Collection<Symbol> symbols,
      Duration staleAfter, KillSwitchScope scope) {
    symbols.stream().distinct().forEach(symbol -> watchdog.tell(
        new Watchdog.Register(source(feed, symbol), staleAfter, scope, SourceKind.MARKET_DATA)));
  }

  /** {@code symbolOf} may return null for elements that are about no symbol. */
  public static <T> Flow<T, T, NotUsed> flow(String feed, Function<T, Symbol> symbolOf,
      ActorRef<Watchdog.Command> watchdog, Clock clock) {
    return Flow.<T>create().statefulMap(HashMap<Symbol, Instant>::new, (Map<Symbol, Instant> lastBeat, T element) -> {
      Symbol symbol = symbolOf.apply(element);
      if (symbol != null) {
        Instant now = clock.instant();
        Instant last = lastBeat.get(symbol);
        if (last == null || !now.isBefore(last.plus(EVERY))) {
          lastBeat.put(symbol, now);
          watchdog.tell(new Watchdog.Heartbeat(source(feed, symbol)));
        }
      }
      return Pair.create(lastBeat, element);
    }, lastBeat -> Optional.empty());
  }
}
