package org.peaktrade.actors.session;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.peaktrade.actors.watchdog.RestartBudget;
import org.peaktrade.engine.execution.EntryStyle;
import org.peaktrade.protocol.Instrument;
import org.peaktrade.protocol.Symbol;

/**
 * Settings of the trading sessions, from {@code peaktrade.sessions} (defaults documented in reference.conf). Invalid
 * values fail at startup with the key path in the message.
 *
 * @param recoveryBars bars a fresh strategy is shown again after a restart, read from the feed's published bars (a
 *     strategy that looks further back than this decides differently after a restart)
 * @param equityPoints the equity curve the API answers covers the newest this many bars (computed when asked)
 * @param snapshotEvery a snapshot after this many journal writes (rows: one write is one row)
 * @param journalBatch the checkpoint: how bars that change nothing are journaled (together, with the next write)
 * @param feedBatch at most this many bars the feed hands a session at once (when it is behind)
 * @param askTimeout how long the facade and a session wait for an actor's answer
 * @param heartbeatInterval how often a session heartbeats to the watchdog
 * @param heartbeatTimeout the watchdog kills the session's scope when no heartbeat came for this long
 * @param staleAfterBars no new bar for this many bar intervals pauses new orders
 * @param firstBarTimeout before the first bar (its interval unknown): no bar for this long pauses new orders
 * @param escalateStaleData whether stale data also makes the watchdog kill the session's scope
 * @param strategyRestartBudget restarts of a failing strategy before the session pauses for good
 * @param entry how positions are opened (exits are always market orders)
 * @param allowShort whether a SHORT target opens a short position (otherwise it means FLAT)
 * @param runLog whether sessions write {@code <data-dir>/sessions/<id>/run-log.jsonl}
 * @param dataDir the node's data directory ({@code peaktrade.data-dir})
 * @param defaultInstrument tick, lot and minimum size of a symbol not listed in {@code instruments}
 * @param instruments per symbol, what differs from the default instrument
 */
public record SessionSettings(int recoveryBars, int equityPoints, int snapshotEvery, JournalBatch journalBatch,
    int feedBatch, Duration askTimeout,
    Duration heartbeatInterval, Duration heartbeatTimeout, int staleAfterBars, Duration firstBarTimeout,
    boolean escalateStaleData, RestartBudget strategyRestartBudget, EntryStyle entry, boolean allowShort,
    boolean runLog, Path dataDir, InstrumentSpec defaultInstrument, Map<Symbol, InstrumentSpec> instruments) {
  public static final String PATH = "peaktrade.sessions";

  /**
   * Bars that change nothing wait in memory and go to the journal with the next write: once {@code bars} of them
   * gathered, {@code within} after the first, when the session is asked for its view, or with the next bar that does
   * change something. {@code bars = 1} journals every bar at once.
   */
  public record JournalBatch(int bars, Duration within) {
    public JournalBatch {
      if (bars < 1) {
        throw new IllegalArgumentException(PATH + ".journal-batch.bars must be at least 1: " + bars);
      }
      if (within.isNegative() || within.isZero()) {
        throw new IllegalArgumentException(PATH + ".journal-batch.within must be positive: " + within);
      }
    }
  }

  /** Tick size, lot size and minimum order quantity of one symbol. */
  public record InstrumentSpec(BigDecimal tickSize, BigDecimal lotSize, BigDecimal minQuantity) {
    public InstrumentSpec {
      if (tickSize.signum() <= 0 || lotSize.signum() <= 0 || minQuantity.signum() < 0) {
        throw new IllegalArgumentException("need tick-size > 0, lot-size > 0 and min-quantity >= 0, got "
            + tickSize.toPlainString() + ", " + lotSize.toPlainString() + ", " + minQuantity.toPlainString());
      }
    }

    public Instrument of(Symbol symbol) {
      return new Instrument(symbol, tickSize, lotSize, minQuantity);
    }
  }

  public SessionSettings {
    Objects.requireNonNull(journalBatch, "journal batch");
    Objects.requireNonNull(strategyRestartBudget, "strategy restart budget");
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(dataDir, "data dir");
    Objects.requireNonNull(defaultInstrument, "default instrument");
    instruments = Map.copyOf(instruments);
    requireAtLeastOne(recoveryBars, "recovery-bars");
    requireAtLeastOne(equityPoints, "equity-points");
    requireAtLeastOne(snapshotEvery, "snapshot-every");
    requireAtLeastOne(feedBatch, "feed-batch");
    requireAtLeastOne(staleAfterBars, "stale-after-bars");
    for (Duration d : new Duration[] {askTimeout, heartbeatInterval, heartbeatTimeout, firstBarTimeout}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(PATH + ": durations must be positive, got " + d);
      }
    }
    if (heartbeatTimeout.compareTo(heartbeatInterval) <= 0) {
      throw new IllegalArgumentException(PATH + ".heartbeat-timeout (" + heartbeatTimeout
          + ") must be longer than " + PATH + ".heartbeat-interval (" + heartbeatInterval + ")");
    }
  }

  public static SessionSettings fromConfig(Config root) {
    Config c = root.getConfig(PATH);
    Config budget = c.getConfig("strategy-restart-budget");
    try {
      return new SessionSettings(c.getInt("recovery-bars"), c.getInt("equity-points"), c.getInt("snapshot-every"),
          new JournalBatch(c.getInt("journal-batch.bars"), c.getDuration("journal-batch.within")),
          c.getInt("feed-batch"),
          c.getDuration("ask-timeout"), c.getDuration("heartbeat-interval"), c.getDuration("heartbeat-timeout"),
          c.getInt("stale-after-bars"), c.getDuration("first-bar-timeout"), c.getBoolean("escalate-stale-data"),
          new RestartBudget(budget.getDuration("min-backoff"), budget.getDuration("max-backoff"),
              budget.getDouble("random-factor"), budget.getInt("max-restarts")),
          entry(c), c.getBoolean("allow-short"), c.getBoolean("run-log"),
          Path.of(root.getString("peaktrade.data-dir")), instrument(c.getConfig("default-instrument"),
              PATH + ".default-instrument"), instruments(c));
    } catch (IllegalArgumentException e) {
      throw new ConfigException.BadValue(PATH, e.getMessage());
    }
  }

  /** The instrument of {@code symbol}: its own entry under {@code instruments}, or the default. */
  public Instrument instrument(Symbol symbol) {
    return instruments.getOrDefault(symbol, defaultInstrument).of(symbol);
  }

  /** The append-only run log of one session. */
  public Path runLogFile(String sessionId) {
    return dataDir.resolve("sessions").resolve(sessionId).resolve("run-log.jsonl");
  }

  private static EntryStyle entry(Config c) {
    try {
      return EntryStyle.parse(c.getString("entry"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException.BadValue(PATH + ".entry", e.getMessage());
    }
  }

  private static Map<Symbol, InstrumentSpec> instruments(Config c) {
    Map<Symbol, InstrumentSpec> instruments = new LinkedHashMap<>();
    Config defaults = c.getConfig("default-instrument");
    for (Map.Entry<String, ConfigValue> entry : c.getObject("instruments").entrySet()) {
      String path = PATH + ".instruments.\"" + entry.getKey() + "\"";
      Symbol symbol;
      try {
        symbol = Symbol.of(entry.getKey());
      } catch (IllegalArgumentException e) {
        throw new ConfigException.BadPath(path, e.getMessage());
      }
      Config own = c.getConfig("instruments." + ConfigUtil.quoteString(entry.getKey()));
      instruments.put(symbol, instrument(own.withFallback(defaults), path));
    }
    return instruments;
  }

  private static InstrumentSpec instrument(Config c, String path) {
    try {
      return new InstrumentSpec(decimal(c, "tick-size", path), decimal(c, "lot-size", path),
          decimal(c, "min-quantity", path));
    } catch (IllegalArgumentException e) {
      throw new ConfigException.BadValue(path, e.getMessage());
    }
  }

  private static BigDecimal decimal(Config c, String key, String path) {
    String text = c.getValue(key).unwrapped().toString();
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new ConfigException.BadValue(path + "." + key, "not a decimal number: '" + text + "'");
    }
  }

  private static void requireAtLeastOne(int value, String key) {
    if (value < 1) {
      throw new IllegalArgumentException(PATH + "." + key + " must be at least 1: " + value);
    }
  }
}
