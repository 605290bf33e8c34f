package org.peaktrade.actors.session;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.peaktrade.engine.killswitch.ApprovalCodeHash;
import org.peaktrade.engine.session.LivePolicy;
import org.peaktrade.protocol.Symbol;

/**
 * Reads the {@link LivePolicy} from {@code peaktrade.live} (defaults in reference.conf: everything off). The confirm
 * token is configured only as its hash ({@code peaktrade hash-approval-code} makes one); an empty hash means no token
 * is valid. Bad values name their key.
 */
public final class LivePolicySettings {

  public static final String PATH = "peaktrade.live";

  private LivePolicySettings() {}

  public static LivePolicy fromConfig(Config root) {
    Config c = root.getConfig(PATH);
    String hash = c.getString("confirm-token-hash");
    ApprovalCodeHash confirmToken = null;
    if (!hash.isBlank()) {
      try {
        confirmToken = ApprovalCodeHash.parse(hash);
      } catch (IllegalArgumentException e) {
        throw new ConfigException.BadValue(PATH + ".confirm-token-hash", e.getMessage());
      }
    }
    Set<Symbol> symbols = new LinkedHashSet<>();
    for (String text : c.getStringList("symbols")) {
      try {
        symbols.add(Symbol.of(text));
      } catch (IllegalArgumentException e) {
        throw new ConfigException.BadValue(PATH + ".symbols", "'" + text + "': " + e.getMessage());
      }
    }
    return new LivePolicy(c.getBoolean("trading-enabled"), c.getBoolean("armed"), c.getBoolean("dry-run"),
        confirmToken, Set.copyOf(c.getStringList("strategies")), symbols);
  }
}
