package org.peaktrade.engine.candles;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Symbol;

/**
 * The candle store's contract, without asynchrony: every candle of a series (symbol and interval) kept once, ordered
 * by open time, each batch checked by {@link CandleAppendCheck} against what is kept before any of it is. The actors
 * module's {@code CandleStore} offers the same operations asynchronously, on SQLite or Cassandra; this interface is
 * what a blocking backend implements.
 *
 * <ul>
 *   <li>{@link #append}: stores the candles the check accepts, all or none (a failure stores nothing); an identical
 *   candle appended again changes nothing and is counted; a conflicting one is reported, never written.</li>
 *   <li>{@link #range}: the kept candles opening in {@code [fromInclusive, toExclusive)}, oldest first.</li>
 *   <li>{@link #last}: the {@code n} newest kept candles (fewer if fewer are kept), oldest first — a strategy's
 *   warm-up.</li>
 *   <li>{@link #latest}: the newest kept candle, if any.</li>
 * </ul>
 */
public interface CandleHistory {

  AppendResult append(List<Bar> bars);

  List<Bar> range(Symbol symbol, Duration interval, Instant fromInclusive, Instant toExclusive);

  List<Bar> last(Symbol symbol, Duration interval, int n);

  Optional<Bar> latest(Symbol symbol, Duration interval);

  /** {@code n} if it is a valid count for {@link #last}: not negative. */
  static int requireCount(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("the number of candles must not be negative: " + n);
    }
    return n;
  }
}
