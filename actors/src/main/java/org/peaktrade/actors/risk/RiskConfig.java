package org.peaktrade.actors.risk;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.peaktrade.engine.risk.RiskLimits;
import org.peaktrade.protocol.Symbol;

/**
 * Reads risk limits from HOCON: {@code peaktrade.risk.defaults}, overlaid by {@code peaktrade.risk.portfolios.NAME}
 * and then {@code peaktrade.risk.sessions.ID}. A limit that is absent is off. Unknown keys, an unknown portfolio and
 * malformed values fail with the full config path, because a typo in a risk limit must never silently switch it
 * off.
 */
public final class RiskConfig {
  static final String ROOT = "peaktrade.risk";
  /** The keys of a limits section: defaults, a portfolio or a session. */
  public static final Set<String> KEYS = Set.of("max-order-notional", "max-order-quantity", "min-order-notional",
      "max-symbol-exposure", "max-total-exposure", "max-open-positions", "max-daily-loss", "max-daily-loss-pct",
      "max-drawdown-pct", "price-collar-bps", "max-orders-per-window", "order-window", "allowed-symbols",
      "max-price-age", "warning-fraction", "portfolio");

  private RiskConfig() {}

  /** The limits for a portfolio (may be null) and a session (may be null). */
  public static RiskLimits limits(Config config, String portfolio, String session) {
    Config merged = section(config, ROOT + ".defaults");
    String chosen = portfolio;
    if (session != null && config.hasPath(ROOT + ".sessions." + quoted(session))) {
      Config sessionConfig = section(config, ROOT + ".sessions." + quoted(session));
      if (chosen == null && sessionConfig.hasPath("portfolio")) {
        chosen = sessionConfig.getString("portfolio");
      }
      merged = sessionConfig.withFallback(portfolioSection(config, chosen)).withFallback(merged);
    } else {
      merged = portfolioSection(config, chosen).withFallback(merged);
    }
    return read(merged, ROOT + (chosen == null ? ".defaults" : ".portfolios." + chosen));
  }

  /**
   * Reads the defaults and the limits of every portfolio and every session, so a bad limit anywhere fails now with
   * its path, not when a session first uses it.
   */
  public static void validateAll(Config config) {
    limits(config, null, null);
    for (String portfolio : names(config, ROOT + ".portfolios")) {
      limits(config, portfolio, null);
    }
    for (String session : names(config, ROOT + ".sessions")) {
      limits(config, null, session);
    }
  }

  private static Set<String> names(Config config, String path) {
    return config.hasPath(path) ? new TreeSet<>(config.getObject(path).keySet()) : Set.of();
  }

  private static Config portfolioSection(Config config, String portfolio) {
    if (portfolio == null) {
      return ConfigFactory.empty();
    }
    String path = ROOT + ".portfolios." + quoted(portfolio);
    if (!config.hasPath(path)) {
      Set<String> known = config.hasPath(ROOT + ".portfolios")
          ? new TreeSet<>(config.getConfig(ROOT + ".portfolios").root().keySet()) : Set.of();
      throw new ConfigException.Missing(path + " (unknown risk portfolio '" + portfolio + "'; known: " + known + ")");
    }
    return section(config, path);
  }

  private static Config section(Config config, String path) {
    if (!config.hasPath(path)) {
      return ConfigFactory.empty();
    }
    Config section = config.getConfig(path);
    for (Map.Entry<String, ConfigValue> entry : section.root().entrySet()) {
      if (!KEYS.contains(entry.getKey())) {
        throw new ConfigException.BadPath(path + "." + entry.getKey(),
            "unknown risk limit; valid keys: " + new TreeSet<>(KEYS));
      }
    }
    return section;
  }

  private static RiskLimits read(Config c, String where) {
    RiskLimits.Builder b = RiskLimits.builder();
    try {
      b.maxOrderNotional(decimal(c, "max-order-notional", where))
          .maxOrderQuantity(decimal(c, "max-order-quantity", where))
          .minOrderNotional(decimal(c, "min-order-notional", where))
          .maxSymbolExposure(decimal(c, "max-symbol-exposure", where))
          .maxTotalExposure(decimal(c, "max-total-exposure", where))
          .maxOpenPositions(c.hasPath("max-open-positions") ? c.getInt("max-open-positions") : null)
          .maxDailyLoss(decimal(c, "max-daily-loss", where))
          .maxDailyLossPct(decimal(c, "max-daily-loss-pct", where))
          .maxDrawdownPct(decimal(c, "max-drawdown-pct", where))
          .priceCollarBps(decimal(c, "price-collar-bps", where))
          .orderRate(c.hasPath("max-orders-per-window") ? c.getInt("max-orders-per-window") : null,
              c.hasPath("order-window") ? c.getDuration("order-window") : null)
          .maxPriceAge(c.hasPath("max-price-age") ? c.getDuration("max-price-age") : null)
          .warningFraction(decimal(c, "warning-fraction", where));
      if (c.hasPath("allowed-symbols")) {
        List<String> symbols = c.getStringList("allowed-symbols");
        Set<Symbol> allowed = new LinkedHashSet<>();
        symbols.forEach(s -> allowed.add(Symbol.of(s)));
        b.allowedSymbols(allowed);
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new ConfigException.BadValue(where, e.getMessage());
    }
  }

  private static String decimal(Config c, String key, String where) {
    if (!c.hasPath(key)) {
      return null;
    }
    String text = c.getValue(key).unwrapped().toString();
    try {
      return new BigDecimal(text).toPlainString();
    } catch (NumberFormatException e) {
      throw new ConfigException.BadValue(where + "." + key, "not a decimal number: '" + text + "'");
    }
  }

  private static String quoted(String key) {
    return ConfigUtil.quoteString(key);
  }
}
