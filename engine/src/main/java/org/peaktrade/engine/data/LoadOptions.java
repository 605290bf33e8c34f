package org.peaktrade.engine.data;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.peaktrade.protocol.Symbol;

/**
 * How to read a market data file.
 *
 * @param symbol the pair the bars are labelled with; files rarely name it in a form we can trust
 * @param bar the bar interval: required to aggregate trades, and for bar files it replaces detection from
 *     the row spacing
 * @param skipBadRows when false (the default) the first malformed row stops the load; when true such rows
 *     are dropped and listed in {@link LoadedBars#skipped()}. A missing header column is always fatal.
 */
public record LoadOptions(Symbol symbol, Optional<Duration> bar, boolean skipBadRows) {
  public static final Symbol DEFAULT_SYMBOL = Symbol.of("BTC/USD");

  public LoadOptions {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(bar, "bar");
    bar.ifPresent(interval -> {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("bar interval must be positive: " + interval);
      }
    });
  }

  /** BTC/USD, interval from the data, fail on the first bad row. */
  public static LoadOptions defaults() {
    return new LoadOptions(DEFAULT_SYMBOL, Optional.empty(), false);
  }

  public LoadOptions withSymbol(Symbol newSymbol) {
    return new LoadOptions(newSymbol, bar, skipBadRows);
  }

  public LoadOptions withBar(Duration interval) {
    return new LoadOptions(symbol, Optional.of(interval), skipBadRows);
  }

  public LoadOptions skippingBadRows() {
    return new LoadOptions(symbol, bar, true);
  }
}
