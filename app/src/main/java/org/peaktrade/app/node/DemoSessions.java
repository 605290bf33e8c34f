package org.peaktrade.app.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.session.SessionMode;
import org.peaktrade.protocol.session.SessionSpec;

/**
 * Reads {@code peaktrade.node.demo-sessions}: a list of sessions the node starts on its first run, each
 * <pre>{ id, strategy, params { ... }, symbol, mode, sizing, risk-profile, starting-cash, fee-bps, slippage-bps }</pre>
 * Errors name the entry and key, e.g. {@code peaktrade.node.demo-sessions[2].starting-cash}. Whether a strategy,
 * its parameters, the sizing and the mode are acceptable is decided when the session starts.
 */
final class DemoSessions {

  static final String PATH = "peaktrade.node.demo-sessions";
  static final Set<String> KEYS = Set.of("id", "strategy", "params", "symbol", "mode", "sizing",
      "risk-profile", "starting-cash", "fee-bps", "slippage-bps");

  private DemoSessions() {}

  static List<SessionSpec> fromConfig(Config root) {
    if (!root.hasPath(PATH)) {
      return List.of();
    }
    List<? extends Config> entries = root.getConfigList(PATH);
    List<SessionSpec> specs = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      SessionSpec spec = spec(entries.get(i), PATH + "[" + i + "]");
      if (!ids.add(spec.id())) {
        throw new ConfigException.BadValue(PATH + "[" + i + "].id", "the id '" + spec.id() + "' is used twice");
      }
      specs.add(spec);
    }
    return List.copyOf(specs);
  }

  private static SessionSpec spec(Config entry, String where) {
    for (String key : entry.root().keySet()) {
      if (!KEYS.contains(key)) {
        throw new ConfigException.BadPath(where + "." + key, "unknown key; known keys are " + KEYS.stream().sorted().toList());
      }
    }
    try {
      return new SessionSpec(entry.getString("id"), entry.getString("strategy"), params(entry, where),
          symbol(entry, where), mode(entry, where), entry.getString("sizing"),
          entry.hasPath("risk-profile") ? entry.getString("risk-profile") : "default",
          decimal(entry, "starting-cash", where, null), decimal(entry, "fee-bps", where, BigDecimal.TEN),
          decimal(entry, "slippage-bps", where, BigDecimal.valueOf(2)));
    } catch (ConfigException.Missing e) {
      throw new ConfigException.BadValue(where, "missing key: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new ConfigException.BadValue(where, e.getMessage());
    }
  }

  private static Map<String, String> params(Config entry, String where) {
    Map<String, String> params = new LinkedHashMap<>();
    if (!entry.hasPath("params")) {
      return params;
    }
    for (Map.Entry<String, ConfigValue> param : entry.getConfig("params").root().entrySet()) {
      ConfigValue value = param.getValue();
      if (value.valueType() == ConfigValueType.OBJECT || value.valueType() == ConfigValueType.LIST
          || value.valueType() == ConfigValueType.NULL) {
        throw new ConfigException.BadValue(where + ".params." + param.getKey(), "must be a number or a word");
      }
      params.put(param.getKey(), text(value));
    }
    return params;
  }

  private static Symbol symbol(Config entry, String where) {
    try {
      return Symbol.of(entry.getString("symbol"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException.BadValue(where + ".symbol", e.getMessage());
    }
  }

  private static SessionMode mode(Config entry, String where) {
    String text = entry.getString("mode");
    try {
      return SessionMode.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException.BadValue(where + ".mode",
          "'" + text + "' is not one of " + List.of(SessionMode.values()));
    }
  }

  /** The value as written: a number keeps its digits (no detour through double). */
  private static String text(ConfigValue value) {
    return value.valueType() == ConfigValueType.STRING ? (String) value.unwrapped()
        : value.render(ConfigRenderOptions.concise());
  }

  private static BigDecimal decimal(Config entry, String key, String where, BigDecimal fallback) {
    if (!entry.hasPath(key)) {
      if (fallback == null) {
        throw new ConfigException.BadValue(where + "." + key, "missing");
      }
      return fallback;
    }
    String text = text(entry.getValue(key));
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new ConfigException.BadValue(where + "." + key, "'" + text + "' is not a decimal number");
    }
  }
}
