package org.peaktrade.actors.marketdata.kraken;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peaktrade.engine.marketdata.KrakenChannel;
import org.peaktrade.engine.marketdata.KrakenRestPairs;
import org.peaktrade.engine.marketdata.KrakenSubscription;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.killswitch.KillSwitchScope;

/**
 * Settings of the Kraken market-data feed, from {@code peaktrade.market-data.kraken} (defaults documented in
 * {@code reference.conf}). Invalid values fail at startup with the key path in the message.
 *
 * @param wsUri the public WebSocket v2 endpoint
 * @param restUri the REST base URI used for OHLC backfill
 * @param subscriptions every symbol times every channel, all over one connection
 * @param silenceTimeout a connection that delivers nothing (not even a heartbeat) for this long is dropped
 * @param pingInterval how often the client pings
 * @param minBackoff first reconnect delay; doubles per failed attempt up to {@code maxBackoff}
 * @param randomFactor jitter: each delay is stretched by up to this fraction at random
 * @param restTimeout how long one REST request may take
 * @param restPairs REST pair names (Kraken's REST API calls BTC/USD XBTUSD)
 * @param staleAfter a symbol without data for this long misses its watchdog heartbeat
 * @param staleScope the kill-switch scope the watchdog kills for a stale feed
 * @param subscriberBuffer elements buffered per slow subscriber before its oldest is dropped
 */
public record KrakenFeedSettings(URI wsUri, URI restUri, List<KrakenSubscription> subscriptions,
    Duration silenceTimeout, Duration pingInterval, Duration minBackoff, Duration maxBackoff, double randomFactor,
    Duration restTimeout, KrakenRestPairs restPairs, Duration staleAfter, KillSwitchScope staleScope,
    int subscriberBuffer) {
  public static final String PATH = "peaktrade.market-data.kraken";

  public KrakenFeedSettings {
    subscriptions = List.copyOf(subscriptions);
  }

  public static KrakenFeedSettings fromConfig(Config root) {
    Config config = root.getConfig(PATH);
    Duration minBackoff = positive(config, "reconnect.min-backoff");
    Duration maxBackoff = positive(config, "reconnect.max-backoff");
    if (maxBackoff.compareTo(minBackoff) < 0) {
      throw new ConfigException.BadValue(PATH + ".reconnect.max-backoff", "must not be below min-backoff ("
          + minBackoff + "): " + maxBackoff);
    }
    double randomFactor = config.getDouble("reconnect.random-factor");
    if (!(randomFactor >= 0 && randomFactor <= 1)) {
      throw new ConfigException.BadValue(PATH + ".reconnect.random-factor", "must be between 0 and 1: "
          + randomFactor);
    }
    int buffer = config.getInt("subscriber-buffer");
    if (buffer < 1) {
      throw new ConfigException.BadValue(PATH + ".subscriber-buffer", "must be positive: " + buffer);
    }
    return new KrakenFeedSettings(uri(config, "ws-url", "ws", "wss"), uri(config, "rest-url", "http", "https"),
        subscriptions(config), positive(config, "silence-timeout"), positive(config, "ping-interval"), minBackoff,
        maxBackoff, randomFactor, positive(config, "rest-timeout"), new KrakenRestPairs(restPairs(config)),
        positive(config, "stale-after"), scope(config), buffer);
  }

  /** The same settings with other endpoints and subscriptions, e.g. from command-line options. */
  public KrakenFeedSettings with(URI newWsUri, URI newRestUri, List<KrakenSubscription> newSubscriptions) {
    return new KrakenFeedSettings(newWsUri, newRestUri, newSubscriptions, silenceTimeout, pingInterval, minBackoff,
        maxBackoff, randomFactor, restTimeout, restPairs, staleAfter, staleScope, subscriberBuffer);
  }

  private static List<KrakenSubscription> subscriptions(Config config) {
    List<KrakenSubscription> subscriptions = new ArrayList<>();
    List<String> symbols = config.getStringList("symbols");
    List<String> channels = config.getStringList("channels");
    for (int i = 0; i < symbols.size(); i++) {
      Symbol symbol;
      try {
        symbol = Symbol.of(symbols.get(i));
      } catch (IllegalArgumentException e) {
        throw new ConfigException.BadValue(PATH + ".symbols[" + i + "]", e.getMessage());
      }
      for (int j = 0; j < channels.size(); j++) {
        try {
          subscriptions.add(new KrakenSubscription(symbol, KrakenChannel.parse(channels.get(j))));
        } catch (IllegalArgumentException e) {
          throw new ConfigException.BadValue(PATH + ".channels[" + j + "]", e.getMessage());
        }
      }
    }
    return subscriptions;
  }

  private static Map<String, String> restPairs(Config config) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (Map.Entry<String, ConfigValue> entry : config.getObject("rest-pairs").entrySet()) {
      String symbol = entry.getKey();
      try {
        Symbol.of(symbol);
      } catch (IllegalArgumentException e) {
        throw new ConfigException.BadValue(PATH + ".rest-pairs.\"" + symbol + "\"", e.getMessage());
      }
      pairs.put(symbol, String.valueOf(entry.getValue().unwrapped()));
    }
    return pairs;
  }

  private static KillSwitchScope scope(Config config) {
    try {
      return new KillSwitchScope(config.getString("stale-scope"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException.BadValue(PATH + ".stale-scope", e.getMessage());
    }
  }

  private static URI uri(Config config, String key, String... schemes) {
    String text = config.getString(key);
    try {
      URI uri = new URI(text);
      if (uri.getScheme() == null || !List.of(schemes).contains(uri.getScheme()) || uri.getHost() == null) {
        throw new ConfigException.BadValue(PATH + "." + key, "must be an absolute " + String.join(" or ", schemes)
            + " URL: '" + text + "'");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ConfigException.BadValue(PATH + "." + key, "is not a URL: '" + text + "' (" + e.getReason() + ")");
    }
  }

  private static Duration positive(Config config, String key) {
    Duration value = config.getDuration(key);
    if (value.isNegative() || value.isZero()) {
      throw new ConfigException.BadValue(PATH + "." + key, "must be positive: " + value);
    }
    return value;
  }
}
