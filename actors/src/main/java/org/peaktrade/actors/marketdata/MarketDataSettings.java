package org.peaktrade.actors.marketdata;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import org.peaktrade.actors.marketdata.kraken.KrakenFeedSettings;

/**
 * Settings of a node's market data, the whole {@code peaktrade.market-data} block (defaults documented in
 * reference.conf): which {@code source} feeds the sessions, and the settings of both sources, each read whichever is
 * chosen so a bad value fails at startup with its key path.
 *
 * @param source the feed the node starts
 * @param replay the replayed file's settings ({@code peaktrade.market-data.replay})
 * @param kraken the Kraken feed's settings ({@code peaktrade.market-data.kraken})
 */
public record MarketDataSettings(Source source, ReplaySettings replay, KrakenFeedSettings kraken) {
  public static final String PATH = "peaktrade.market-data";

  /** The feeds a node can start. */
  public enum Source {
    /** A file of recorded real candles, played back ({@link ReplaySource}). */
    REPLAY,
    /** Kraken's public WebSocket v2 ({@link org.peaktrade.actors.marketdata.kraken.KrakenFeed}). */
    KRAKEN
  }

  public static MarketDataSettings fromConfig(Config root) {
    String source = root.getString(PATH + ".source");
    Source parsed = switch (source) {
      case "replay" -> Source.REPLAY;
      case "kraken" -> Source.KRAKEN;
      default -> throw new ConfigException.BadValue(PATH + ".source",
          "must be 'replay' or 'kraken', not '" + source + "'");
    };
    return new MarketDataSettings(parsed, ReplaySettings.fromConfig(root), KrakenFeedSettings.fromConfig(root));
  }
}
