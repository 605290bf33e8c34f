package org.peaktrade.engine.session;

import java.util.Objects;
import java.util.Set;
import org.peaktrade.engine.killswitch.ApprovalCodeHash;
import org.peaktrade.protocol.Symbol;

/**
 * The configured conditions for LIVE sessions. {@code confirmTokenHash} is the PBKDF2 hash of the confirm token an
 * operator must present to start a LIVE session (null: none configured, so no token is valid); the token itself is
 * never configured, stored or logged. Empty allowlists allow nothing.
 */
public record LivePolicy(
    boolean liveTradingEnabled, boolean armed, boolean dryRun, ApprovalCodeHash confirmTokenHash,
    Set<String> strategies, Set<Symbol> symbols) {

  /** Live trading off, not armed, dry-run on, no token, empty allowlists: the safe default. */
  public static final LivePolicy DISABLED = new LivePolicy(false, false, true, null, Set.of(), Set.of());

  public LivePolicy {
    strategies = Set.copyOf(Objects.requireNonNull(strategies, "live strategy allowlist"));
    symbols = Set.copyOf(Objects.requireNonNull(symbols, "live symbol allowlist"));
  }
}
