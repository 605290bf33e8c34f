package org.peaktrade.app.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Source;
import org.peaktrade.actors.marketdata.BarValidationFlow;
import org.peaktrade.actors.marketdata.FeedHub;
import org.peaktrade.actors.marketdata.FeedNotice;
import org.peaktrade.actors.marketdata.FeedStats;
import org.peaktrade.actors.marketdata.MarketDataSettings;
import org.peaktrade.actors.marketdata.RejectionLog;
import org.peaktrade.actors.marketdata.ReplaySettings;
import org.peaktrade.actors.marketdata.ReplaySource;
import org.peaktrade.actors.marketdata.ReplaySpeed;
import org.peaktrade.actors.marketdata.WatchdogHeartbeats;
import org.peaktrade.actors.marketdata.kraken.KrakenFeed;
import org.peaktrade.actors.marketdata.kraken.KrakenFeedSettings;
import org.peaktrade.actors.watchdog.Watchdog;
import org.peaktrade.engine.data.LoadOptions;
import org.peaktrade.engine.marketdata.KrakenChannel;
import org.peaktrade.engine.marketdata.KrakenSubscription;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.session.MarketDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's market data, from {@link MarketDataSettings} ({@code peaktrade.market-data}): either the live Kraken
 * feed or a replay of a recorded file of real candles (the demo default), validated, heartbeating to the watchdog,
 * and shared per symbol through a {@link FeedHub}. Settings are validated before anything starts.
 */
final class MarketDataWiring {
  private static final Logger LOG = LoggerFactory.getLogger(MarketDataWiring.class);

  private final MarketDataSettings settings;
  /** The replayed file, found; null unless the source is the replay. */
  private final Path replayFile;

  private MarketDataWiring(MarketDataSettings settings, Path replayFile) {
    this.settings = settings;
    this.replayFile = replayFile;
  }

  /** What the node's sessions can subscribe to. */
  interface MarketData {
    /** Closed, validated bars of {@code symbol}, or empty when the node's feed does not carry it. */
    Optional<Source<Bar, NotUsed>> bars(Symbol symbol);

    /** The symbols with bars, in subscription order. */
    Set<Symbol> symbols();

    /** Whether the bars are a live feed or a replay of recorded real candles. */
    MarketDataSource kind();

    /** One line for the operator: what is being played or where it connects. */
    String description();

    /** The feed's name in heartbeats and metrics: {@code replay} or {@code kraken}. */
    String name();

    /** Validation counts of the feed's bars. */
    FeedStats barStats();
  }

  static MarketDataWiring fromConfig(Config root) {
    try {
      MarketDataSettings settings = MarketDataSettings.fromConfig(root);
      return new MarketDataWiring(settings,
          settings.source() == MarketDataSettings.Source.REPLAY ? replayFile(settings.replay().file()) : null);
    } catch (ConfigException e) {
      throw new NodeConfigException(e.getMessage(), e);
    }
  }

  MarketData start(ActorSystem<?> system, Clock clock, ActorRef<Watchdog.Command> watchdog) {
    return settings.source() == MarketDataSettings.Source.KRAKEN
        ? startKraken(system, clock, watchdog) : startReplay(system, clock, watchdog);
  }

  private MarketData startReplay(ActorSystem<?> system, Clock clock, ActorRef<Watchdog.Command> watchdog) {
    ReplaySettings replay = settings.replay();
    WatchdogHeartbeats.register(watchdog, "replay", List.of(replay.symbol()), replay.staleAfter(),
        replay.staleScope());
    FeedStats stats = new FeedStats();
    Source<Bar, NotUsed> bars = ReplaySource.fromFile(replayFile, LoadOptions.defaults().withSymbol(replay.symbol()),
            replay.speed())
        .via(WatchdogHeartbeats.flow("replay", Bar::symbol, watchdog, clock))
        .via(BarValidationFlow.create(stats, MarketDataWiring::log,
            RejectionLog.toSlf4j(RejectionLog.DEFAULT_INTERVAL, clock)));
    FeedHub<Bar> hub = FeedHub.startLive(bars, FeedHub.DEFAULT_SUBSCRIBER_BUFFER, Materializer.matFromSystem(system));
    String description = "replaying " + replayFile + " (" + replay.symbol() + ") at " + describe(replay.speed());
    LOG.info("market data: {}", description);
    return new Fixed(Map.of(replay.symbol(), hub::subscribe), MarketDataSource.REPLAY, description, "replay", stats);
  }

  private MarketData startKraken(ActorSystem<?> system, Clock clock, ActorRef<Watchdog.Command> watchdog) {
    KrakenFeedSettings kraken = settings.kraken();
    KrakenFeed feed = KrakenFeed.create(kraken, system, clock, MarketDataWiring::log, Optional.of(watchdog));
    Map<Symbol, Supplier<Source<Bar, NotUsed>>> bySymbol = new LinkedHashMap<>();
    for (KrakenSubscription subscription : kraken.subscriptions()) {
      if (subscription.channel() instanceof KrakenChannel.Ohlc ohlc) {
        bySymbol.putIfAbsent(subscription.symbol(), () -> feed.bars(subscription.symbol(), ohlc));
      }
    }
    feed.connect();
    String description = "Kraken " + kraken.wsUri() + " " + kraken.subscriptions();
    LOG.info("market data: {}", description);
    return new Fixed(bySymbol, MarketDataSource.LIVE, description, KrakenFeed.FEED_NAME, feed.stats().bars());
  }

  private record Fixed(Map<Symbol, Supplier<Source<Bar, NotUsed>>> bySymbol,
      MarketDataSource kind, String description, String name, FeedStats barStats) implements MarketData {
    @Override
    public Optional<Source<Bar, NotUsed>> bars(Symbol symbol) {
      return Optional.ofNullable(bySymbol.get(symbol)).map(Supplier::get);
    }

    @Override
    public Set<Symbol> symbols() {
      return Collections.unmodifiableSet(new LinkedHashSet<>(bySymbol.keySet()));
    }
  }

  private static void log(FeedNotice notice) {
    if (notice instanceof FeedNotice.Connecting || notice instanceof FeedNotice.Backfilled) {
      LOG.info("market data: {}", notice);
    } else if (!(notice instanceof FeedNotice.Rejected)) {
      LOG.warn("market data: {}", notice);
    }
  }

  /** A relative file is looked up in the working directory, then under the installation ($PEAKTRADE_HOME). */
  private static Path replayFile(Path configured) {
    Path file = configured;
    if (!file.isAbsolute() && !Files.exists(file) && System.getenv("PEAKTRADE_HOME") != null) {
      file = Path.of(System.getenv("PEAKTRADE_HOME")).resolve(configured);
    }
    if (!Files.isRegularFile(file)) {
      throw new ConfigException.BadValue(ReplaySettings.PATH + ".file", "no such file: " + configured);
    }
    return file.toAbsolutePath().normalize();
  }

  private static String describe(ReplaySpeed speed) {
    return speed instanceof ReplaySpeed.Scaled scaled ? scaled.factor() + "x real time" : "full speed";
  }
}
