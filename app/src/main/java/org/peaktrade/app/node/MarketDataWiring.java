package org.peaktrade.app.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Source;
import org.peaktrade.actors.candles.CandleStore;
import org.peaktrade.actors.candles.CandleStoreSettings;
import org.peaktrade.actors.marketdata.CheckedBarsFlow;
import org.peaktrade.actors.marketdata.FeedHub;
import org.peaktrade.actors.marketdata.FeedNotice;
import org.peaktrade.actors.marketdata.FeedStats;
import org.peaktrade.actors.marketdata.MarketDataSettings;
import org.peaktrade.actors.marketdata.PublishedBars;
import org.peaktrade.actors.marketdata.ReplayFile;
import org.peaktrade.actors.marketdata.ReplayFileRefused;
import org.peaktrade.actors.marketdata.ReplayPosition;
import org.peaktrade.actors.marketdata.ReplaySettings;
import org.peaktrade.actors.marketdata.ReplaySource;
import org.peaktrade.actors.marketdata.ReplaySpeed;
import org.peaktrade.actors.marketdata.StoreBeforePublish;
import org.peaktrade.actors.marketdata.StoredBars;
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
 * and shared per symbol through a {@link FeedHub}. Settings are validated before anything starts, and so is the
 * replay file: {@link #fromConfig} reads it and checks every row ({@link ReplayFile}), so a bad row stops the start
 * before the actor system and any port, or ({@code replay.bad-rows = skip}) is left out, logged and counted. Either
 * feed records in its {@link FeedStats} when its stream fails, which readiness and the metrics show.
 */
final class MarketDataWiring {
  static final String BAD_ROWS = ReplaySettings.PATH + ".bad-rows";
  private static final Logger LOG = LoggerFactory.getLogger(MarketDataWiring.class);

  /** Where the replay's position is kept, under the data dir. */
  static final String POSITION_FILE = "market-data/replay-position";
  /** How often the replay's position is written, at most. */
  private static final Duration POSITION_EVERY = Duration.ofSeconds(1);
  /** How long the Kraken feed waits for the store's newest candles before it connects without them. */
  private static final Duration STORE_READ_TIMEOUT = Duration.ofSeconds(10);

  private final MarketDataSettings settings;
  private final CandleStoreSettings candles;
  /** The replayed file, read and checked; null unless the source is the replay. */
  private final ReplayFile replayFile;
  private final Path dataDir;

  private MarketDataWiring(MarketDataSettings settings, CandleStoreSettings candles, ReplayFile replayFile,
      Path dataDir) {
    this.settings = settings;
    this.candles = candles;
    this.replayFile = replayFile;
    this.dataDir = dataDir;
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

    /** The bars published for {@code symbol}, for sessions that resume ({@link PublishedBars#NONE}: none kept). */
    PublishedBars published(Symbol symbol);
  }

  /**
   * Reads the settings and, when replaying, the replay file, checking every row. Throws {@link NodeConfigException}
   * naming the key of a bad setting (a missing replay file too), and {@link ReplayFileRefused} naming the path when
   * the file cannot be read, holds no usable bar, or has bad rows and {@code replay.bad-rows} is {@code fail}.
   */
  static MarketDataWiring fromConfig(Config root) {
    MarketDataSettings settings = settings(root);
    CandleStoreSettings candles = wrapped(() -> CandleStoreSettings.fromConfig(root));
    Path dataDir = Path.of(root.getString("peaktrade.data-dir"));
    if (settings.source() != MarketDataSettings.Source.REPLAY) {
      return new MarketDataWiring(settings, candles, null, dataDir);
    }
    Path file = wrapped(() -> replayFile(settings.replay().file()));
    return new MarketDataWiring(settings, candles, checkedReplayFile(settings.replay(), file), dataDir);
  }

  /** Reads the settings only, for the config check: the replay file's rows are read once, by {@link #fromConfig}. */
  static void validate(Config root) {
    MarketDataSettings settings = settings(root);
    wrapped(() -> CandleStoreSettings.fromConfig(root));
    if (settings.source() == MarketDataSettings.Source.REPLAY) {
      wrapped(() -> replayFile(settings.replay().file()));
    }
  }

  private static MarketDataSettings settings(Config root) {
    return wrapped(() -> MarketDataSettings.fromConfig(root));
  }

  private static <T> T wrapped(Supplier<T> read) {
    try {
      return read.get();
    } catch (ConfigException e) {
      throw new NodeConfigException(e.getMessage(), e);
    }
  }

  /** Reads the replay file and logs what was left out of it (each row once, the first ones) and its gaps. */
  private static ReplayFile checkedReplayFile(ReplaySettings replay, Path path) {
    ReplayFile file;
    try {
      file = ReplayFile.load(path, new LoadOptions(replay.symbol(), Optional.empty(), replay.skipBadRows()));
    } catch (ReplayFileRefused e) {
      throw e.explained("cannot replay " + ReplaySettings.PATH + ".file: ",
          "Fix those rows, or leave bad rows out with " + BAD_ROWS + " = skip.");
    }
    List<String> badRows = file.badRows();
    if (!badRows.isEmpty()) {
      LOG.warn("market data: {}: {} left out ({} = skip):", file.path(), ReplayFile.count(badRows.size(), "bad row"),
          BAD_ROWS);
      ReplayFile.shown(badRows).forEach(line -> LOG.warn("market data:   {}", line));
    }
    List<String> gaps = file.gaps();
    if (!gaps.isEmpty()) {
      LOG.warn("market data: {}: {} between bars (the bars on both sides are played):", file.path(),
          ReplayFile.count(gaps.size(), "gap"));
      ReplayFile.shown(gaps).forEach(line -> LOG.warn("market data:   {}", line));
    }
    return file;
  }

  /**
   * Starts the feed. A replay plays its first bar once {@code sessionsStarted} completes (the node completes it when
   * its sessions, those it resumes and its demo sessions, are started), so that the sessions a node starts with see
   * the file from where the replay begins; sessions started later join it where it is. The live feed connects at once.
   */
  MarketData start(ActorSystem<?> system, Clock clock, ActorRef<Watchdog.Command> watchdog,
      CompletionStage<Done> sessionsStarted) {
    CandleStore store = CandleStore.create(system, candles);
    system.getWhenTerminated().thenRun(store::close);
    return settings.source() == MarketDataSettings.Source.KRAKEN
        ? startKraken(system, clock, watchdog, store) : startReplay(system, clock, watchdog, sessionsStarted, store);
  }

  private MarketData startReplay(ActorSystem<?> system, Clock clock, ActorRef<Watchdog.Command> watchdog,
      CompletionStage<Done> sessionsStarted, CandleStore store) {
    ReplaySettings replay = settings.replay();
    FeedStats stats = new FeedStats();
    stats.countSkippedRows(replayFile.badRows().size());
    stats.countGaps(replayFile.gaps().size());
    ReplayPosition position = new ReplayPosition(dataDir.resolve(POSITION_FILE), replayFile.path(), replay.symbol(),
        FeedHub.DEFAULT_SUBSCRIBER_BUFFER, POSITION_EVERY.toNanos(), problem -> LOG.warn("market data: {}", problem));
    List<Bar> toPlay = replay.resume() ? resumed(position) : replayFile.bars();
    int playedBefore = replay.resume() ? position.playedBefore(toPlay) : 0;
    stats.willPlayAgain(playedBefore);
    AtomicInteger emitted = new AtomicInteger();
    // Every bar is stored before it is published: sessions that resume read the bars after their last one from the
    // store (the bars a stop lost before they were journaled among them), whatever the process went through.
    PublishedBars published = new StoredBars(store, replay.symbol(), replayFile.bars().get(0).interval());
    // Plays, paced from then on, once the node's sessions are started; its heartbeat is due from then on too.
    Source<Bar, NotUsed> bars = Source.completionStageSource(sessionsStarted.thenApply(started -> {
          WatchdogHeartbeats.register(watchdog, "replay", List.of(replay.symbol()), replay.staleAfter(),
              replay.staleScope());
          return ReplaySource.resuming(toPlay, playedBefore, replay.speed());
        }))
        .mapMaterializedValue(ignored -> NotUsed.notUsed())
        .map(bar -> {
          position.emitted(bar, System.nanoTime());
          if (emitted.getAndIncrement() < playedBefore) {
            stats.countPlayedAgain();
          }
          return bar;
        })
        .watchTermination((notUsed, done) -> {
          done.whenComplete((ok, failure) -> position.flush());
          return notUsed;
        })
        .via(WatchdogHeartbeats.flow("replay", Bar::symbol, watchdog, clock))
        .via(CheckedBarsFlow.create(stats, failure -> LOG.error(
            "market data: the replay of {} failed and plays no more bars: {}", replayFile.path(), failure, failure)))
        .via(StoreBeforePublish.flow(store, stats, "replay"));
    FeedHub<Bar> hub = FeedHub.startLive(bars, FeedHub.DEFAULT_SUBSCRIBER_BUFFER, Materializer.matFromSystem(system));
    String description = "replaying " + replayFile.path() + " (" + replay.symbol() + ") at " + describe(replay.speed())
        + ": " + ReplayFile.count(replayFile.bars().size(), "bar") + ", "
        + ReplayFile.count(replayFile.badRows().size(), "bad row") + " left out, "
        + ReplayFile.count(replayFile.gaps().size(), "gap")
        + (toPlay.size() < replayFile.bars().size() ? ", resuming with " + toPlay.size() + " left" : "")
        + (playedBefore > 0 ? ", the first " + playedBefore + " of them (played before the restart) unpaced" : "");
    LOG.info("market data: {}", description);
    return new Fixed(Map.of(replay.symbol(), hub::subscribe), MarketDataSource.REPLAY, description, "replay", stats,
        Map.of(replay.symbol(), published));
  }

  /** The bars after the recorded position, logged when the replay goes on from there. */
  private List<Bar> resumed(ReplayPosition position) {
    List<Bar> all = replayFile.bars();
    List<Bar> remaining = position.remaining(all);
    if (remaining.size() < all.size()) {
      LOG.info("market data: resuming the replay of {} after {} ({} of {} bars left; delete {} or set {}.resume = "
          + "false to play it from the start)", replayFile.path(), position.read().orElseThrow(), remaining.size(),
          all.size(), position.file(), ReplaySettings.PATH);
    }
    return remaining;
  }

  private MarketData startKraken(ActorSystem<?> system, Clock clock, ActorRef<Watchdog.Command> watchdog,
      CandleStore store) {
    KrakenFeedSettings kraken = settings.kraken();
    KrakenFeed feed = KrakenFeed.create(kraken, system, clock, MarketDataWiring::log, Optional.of(watchdog),
        barStats -> StoreBeforePublish.flow(store, barStats, KrakenFeed.FEED_NAME));
    Map<Symbol, Supplier<Source<Bar, NotUsed>>> bySymbol = new LinkedHashMap<>();
    Map<Symbol, PublishedBars> published = new LinkedHashMap<>();
    for (KrakenSubscription subscription : kraken.subscriptions()) {
      if (subscription.channel() instanceof KrakenChannel.Ohlc ohlc) {
        bySymbol.putIfAbsent(subscription.symbol(), () -> feed.bars(subscription.symbol(), ohlc));
        published.putIfAbsent(subscription.symbol(), new StoredBars(store, subscription.symbol(), ohlc.interval()));
      }
    }
    feed.done().whenComplete((done, failure) -> {
      if (failure != null && feed.stats().bars().recordFailure(failure)) {
        LOG.error("market data: the Kraken feed failed and delivers no more data: {}", failure, failure);
      }
    });
    connectAfterTheStoredCandles(feed, kraken, store);
    String description = "Kraken " + kraken.wsUri() + " " + kraken.subscriptions();
    LOG.info("market data: {}", description);
    return new Fixed(bySymbol, MarketDataSource.LIVE, description, KrakenFeed.FEED_NAME, feed.stats().bars(),
        published);
  }

  /**
   * Connects once the newest stored candle of every ohlc series is known (at most {@link #STORE_READ_TIMEOUT}): the
   * feed then backfills from REST the candles that closed while the node was down, so resuming sessions find them
   * in the store. Without a stored candle, or when the store does not answer, it connects without.
   */
  private static void connectAfterTheStoredCandles(KrakenFeed feed, KrakenFeedSettings kraken, CandleStore store) {
    List<CompletableFuture<Void>> reads = new ArrayList<>();
    for (KrakenSubscription subscription : kraken.subscriptions()) {
      if (subscription.channel() instanceof KrakenChannel.Ohlc ohlc) {
        reads.add(store.latest(subscription.symbol(), ohlc.interval()).toCompletableFuture()
            .orTimeout(STORE_READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
            .thenAccept(latest -> latest.ifPresent(bar -> {
              LOG.info("market data: {} {}: the newest stored candle opened at {}; the first connection backfills "
                  + "the candles since", bar.symbol(), bar.interval(), bar.openTime());
              feed.resumeAfter(bar);
            })));
      }
    }
    CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).whenComplete((done, failure) -> {
      if (failure != null) {
        LOG.warn("market data: the candle store did not say which candles it keeps ({}); connecting without a "
            + "backfill of the time the node was down", failure.toString());
      }
      feed.connect();
    });
  }

  private record Fixed(Map<Symbol, Supplier<Source<Bar, NotUsed>>> bySymbol,
      MarketDataSource kind, String description, String name, FeedStats barStats,
      Map<Symbol, PublishedBars> publishedBySymbol) implements MarketData {
    @Override
    public PublishedBars published(Symbol symbol) {
      return publishedBySymbol.getOrDefault(symbol, PublishedBars.NONE);
    }

    @Override
    public Optional<Source<Bar, NotUsed>> bars(Symbol symbol) {
      return Optional.ofNullable(bySymbol.get(symbol)).map(Supplier::get);
    }

    @Override
    public Set<Symbol> symbols() {
      return Collections.unmodifiableSet(new LinkedHashSet<>(bySymbol.keySet()));
    }
  }

  /** The Kraken feed's notices; a replay's file was checked before it started, so its stream has none. */
  private static void log(FeedNotice notice) {
    if (notice instanceof FeedNotice.Connecting || notice instanceof FeedNotice.Backfilled) {
      LOG.info("market data: {}", notice);
    } else if (!(notice instanceof FeedNotice.Rejected)) {
      LOG.warn("market data: {}", notice);
    }
  }

  /** A relative file is looked up in the working directory, then under the installation ($PEAKTRADE_HOME). */
  private static Path replayFile(Path configured) {
    Path file = configured.toAbsolutePath().normalize();
    String looked = file.toString();
    if (!configured.isAbsolute() && !Files.exists(file) && System.getenv("PEAKTRADE_HOME") != null) {
      file = Path.of(System.getenv("PEAKTRADE_HOME")).resolve(configured).toAbsolutePath().normalize();
      looked += " and " + file;
    }
    if (!Files.isRegularFile(file)) {
      throw new ConfigException.BadValue(ReplaySettings.PATH + ".file", (Files.exists(file) ? "not a regular file: "
          : "no such file: ") + configured + " (looked for " + looked + ")");
    }
    return file;
  }

  private static String describe(ReplaySpeed speed) {
    return speed instanceof ReplaySpeed.Scaled scaled ? scaled.factor() + "x real time" : "full speed";
  }
}
