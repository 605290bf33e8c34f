package org.peaktrade.protocol.session;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.peaktrade.protocol.CborSerializable;
import org.peaktrade.protocol.Symbol;

/**
 * What a trading session is asked to run: the strategy and its parameters on one symbol, in one mode, with a sizing
 * rule (e.g. {@code equity-pct:95}, see the engine's {@code Sizing.parse}), a risk profile (a portfolio of the risk
 * configuration, or {@code default}), the starting cash and the paper fill costs. Only the id's shape and the
 * presence of values are checked here; strategy, parameters and sizing are checked against the engine's catalogs
 * when the session starts.
 */
public record SessionSpec(String id, String strategy, Map<String, String> params, Symbol symbol, SessionMode mode,
    String sizing, String riskProfile, BigDecimal startingCash, BigDecimal feeBps, BigDecimal slippageBps)
    implements CborSerializable {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public SessionSpec {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("session id must be 1-64 of A-Z a-z 0-9 . _ -: '" + id + "'");
    }
    Objects.requireNonNull(strategy, "strategy");
    params = Map.copyOf(params == null ? Map.of() : params);
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(sizing, "sizing");
    riskProfile = riskProfile == null || riskProfile.isBlank() ? "default" : riskProfile;
    Objects.requireNonNull(startingCash, "starting cash");
    if (startingCash.signum() <= 0) {
      throw new IllegalArgumentException("starting cash must be positive: " + startingCash.toPlainString());
    }
    feeBps = feeBps == null ? BigDecimal.TEN : feeBps;
    slippageBps = slippageBps == null ? BigDecimal.valueOf(2) : slippageBps;
    if (feeBps.signum() < 0 || slippageBps.signum() < 0) {
      throw new IllegalArgumentException("fee and slippage must not be negative");
    }
  }
}
