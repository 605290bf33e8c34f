package org.peaktrade.actors.marketdata;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.killswitch.KillSwitchScope;

/**
 * Settings of the replayed market data, from {@code peaktrade.market-data.replay} (defaults documented in
 * reference.conf). Read whichever source is chosen, so a bad value fails at startup with its key path; whether
 * {@code file} exists is checked only by a node that replays it.
 *
 * @param file the file of real candles to play, as configured (relative paths are the node's to resolve)
 * @param symbol the symbol its bars are published under
 * @param speed how fast it is played
 * @param staleAfter no bar for this long misses the watchdog heartbeat
 * @param staleScope the kill-switch scope the watchdog kills for stale replayed data
 * @param skipBadRows {@code bad-rows = skip}: bad rows are left out and counted; {@code fail} (false): the node does
 *     not start
 * @param resume a restarted node goes on after the bar its replay had reached ({@link ReplayPosition}), instead of
 *     starting the file over
 */
public record ReplaySettings(Path file, Symbol symbol, ReplaySpeed speed, Duration staleAfter,
    KillSwitchScope staleScope, boolean skipBadRows, boolean resume) {
  public static final String PATH = "peaktrade.market-data.replay";

  public static ReplaySettings fromConfig(Config root) {
    Config config = root.getConfig(PATH);
    Duration staleAfter = config.getDuration("stale-after");
    if (staleAfter.isNegative() || staleAfter.isZero()) {
      throw new ConfigException.BadValue(PATH + ".stale-after", "must be positive: " + staleAfter);
    }
    return new ReplaySettings(read(config, "file", Path::of), read(config, "symbol", Symbol::of),
        read(config, "speed", ReplaySpeed::parse), staleAfter, read(config, "stale-scope", KillSwitchScope::new),
        read(config, "bad-rows", ReplaySettings::skipBadRows), config.getBoolean("resume"));
  }

  private static boolean skipBadRows(String text) {
    return switch (text) {
      case "skip" -> true;
      case "fail" -> false;
      default -> throw new IllegalArgumentException("must be 'fail' or 'skip', not '" + text + "'");
    };
  }

  private static <T> T read(Config config, String key, Function<String, T> parse) {
    try {
      return parse.apply(config.getString(key));
    } catch (IllegalArgumentException e) {
      throw new ConfigException.BadValue(PATH + "." + key, e.getMessage());
    }
  }
}
