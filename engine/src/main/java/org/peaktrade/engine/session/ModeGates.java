package org.peaktrade.engine.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.peaktrade.engine.killswitch.GateDecision;
import org.peaktrade.protocol.session.MarketDataSource;
import org.peaktrade.protocol.session.MissingGate;
import org.peaktrade.protocol.session.ModeGate;
import org.peaktrade.protocol.session.ModeGateResult;
import org.peaktrade.protocol.session.SessionMode;

/**
 * Decides whether a session may start in the mode it asks for, and lists every gate that does not hold (not only
 * the first), in the order of {@link ModeGate}:
 * <ul>
 *   <li>PAPER: no gate; any data source.</li>
 *   <li>SHADOW: real market data: the live feed or a replay of recorded candles, never synthetic bars.</li>
 *   <li>TESTNET: live market data and an exchange adapter.</li>
 *   <li>LIVE: live market data, an exchange adapter, and the live policy: live trading enabled, live mode armed,
 *       dry-run off, a valid confirm token, the kill switch ACTIVE (and fresh), strategy and symbol on the live
 *       allowlist.</li>
 * </ul>
 * The kill switch is a start gate for LIVE only; in every mode it still blocks each order on its way out.
 */
public record ModeGates(LivePolicy policy, boolean exchangeAdapterAvailable) {

  public ModeGates {
    Objects.requireNonNull(policy, "live policy");
  }

  public ModeGateResult evaluate(SessionStart start, GateDecision killSwitch) {
    Objects.requireNonNull(killSwitch, "kill switch decision");
    SessionMode mode = start.mode();
    List<MissingGate> missing = new ArrayList<>();
    if (mode == SessionMode.SHADOW && start.data() == MarketDataSource.SYNTHETIC) {
      missing.add(new MissingGate(ModeGate.REAL_MARKET_DATA,
          "SHADOW needs real market data (live or a replay of recorded candles); the session's source is SYNTHETIC"));
    }
    if (mode.reachesExchange() && start.data() != MarketDataSource.LIVE) {
      missing.add(new MissingGate(ModeGate.LIVE_MARKET_DATA,
          mode + " needs live market data; the session's source is " + start.data()));
    }
    if (mode.reachesExchange() && !exchangeAdapterAvailable) {
      missing.add(new MissingGate(ModeGate.EXCHANGE_ADAPTER_AVAILABLE,
          "no exchange adapter is available, so " + mode + " cannot reach an exchange"));
    }
    if (mode == SessionMode.LIVE) {
      liveGates(start, killSwitch, missing);
    }
    return new ModeGateResult(mode, missing);
  }

  private void liveGates(SessionStart start, GateDecision killSwitch, List<MissingGate> missing) {
    if (!policy.liveTradingEnabled()) {
      missing.add(new MissingGate(ModeGate.LIVE_TRADING_ENABLED, "live trading is disabled in config"));
    }
    if (!policy.armed()) {
      missing.add(new MissingGate(ModeGate.LIVE_MODE_ARMED, "live mode is not armed"));
    }
    if (policy.dryRun()) {
      missing.add(new MissingGate(ModeGate.DRY_RUN_OFF, "dry-run is on"));
    }
    String tokenProblem = confirmTokenProblem(start.confirmToken());
    if (tokenProblem != null) {
      missing.add(new MissingGate(ModeGate.CONFIRM_TOKEN_VALID, tokenProblem));
    }
    if (!killSwitch.allowed()) {
      missing.add(new MissingGate(ModeGate.KILL_SWITCH_ACTIVE, "kill switch blocks: " + killSwitch.message()));
    }
    if (!policy.strategies().contains(start.strategy())) {
      missing.add(new MissingGate(ModeGate.STRATEGY_ALLOWLISTED,
          "strategy '" + start.strategy() + "' is not on the live allowlist " + sorted(policy.strategies())));
    }
    if (!policy.symbols().contains(start.symbol())) {
      missing.add(new MissingGate(ModeGate.SYMBOL_ALLOWLISTED,
          "symbol " + start.symbol() + " is not on the live allowlist " + sorted(policy.symbols())));
    }
  }

  /** Null when the token matches the configured hash; otherwise why not, without the token itself. */
  private String confirmTokenProblem(String token) {
    if (policy.confirmTokenHash() == null) {
      return "no confirm token hash is configured";
    }
    if (token == null || token.isEmpty()) {
      return "no confirm token was given";
    }
    char[] chars = token.toCharArray();
    try {
      return policy.confirmTokenHash().matches(chars) ? null : "the confirm token does not match";
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  private static List<String> sorted(Collection<?> values) {
    return values.stream().map(String::valueOf).sorted().toList();
  }
}
