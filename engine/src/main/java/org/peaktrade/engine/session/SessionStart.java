package org.peaktrade.engine.session;

import java.util.Objects;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.session.MarketDataSource;
import org.peaktrade.protocol.session.SessionMode;

/**
 * What a session is asked to start as: its mode, strategy, symbol and data source, and the confirm token an
 * operator gave (null if none; only LIVE needs one). {@link #toString()} never shows the token.
 */
public record SessionStart(SessionMode mode, String strategy, Symbol symbol, MarketDataSource data,
    String confirmToken) {

  public SessionStart {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(data, "data source");
  }

  @Override
  public String toString() {
    return "SessionStart[mode=" + mode + ", strategy=" + strategy + ", symbol=" + symbol + ", data=" + data
        + ", confirmToken=" + (confirmToken == null ? "none" : "***") + "]";
  }
}
