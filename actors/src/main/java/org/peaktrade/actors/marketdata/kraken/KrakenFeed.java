package org.peaktrade.actors.marketdata.kraken;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.RestartSettings;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.peaktrade.actors.marketdata.BarValidationFlow;
import org.peaktrade.actors.marketdata.FeedHub;
import org.peaktrade.actors.marketdata.FeedStats;
import org.peaktrade.actors.marketdata.FeedNotice;
import org.peaktrade.actors.marketdata.RejectionLog;
import org.peaktrade.actors.marketdata.WatchdogHeartbeats;
import org.peaktrade.actors.watchdog.Watchdog;
import org.peaktrade.engine.marketdata.KrakenChannel;
import org.peaktrade.engine.marketdata.KrakenSubscription;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Quote;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.Trade;

/**
 * Kraken market data for the whole node: one WebSocket v2 connection for every configured symbol and channel,
 * shared by any number of sessions through one {@link FeedHub} per symbol and channel.
 *
 * <pre>
 * connection (reconnected with exponential backoff and jitter on failure, close or silence)
 *   → watchdog heartbeats per symbol
 *   → candle stitching with REST backfill (closed candles exactly once, in order, across reconnects)
 *   → per symbol and channel: [bar validation] → hub → sessions
 * </pre>
 *
 * Each symbol is registered with the {@link Watchdog} as a market-data source that must show data within
 * {@code stale-after}, else the watchdog kills {@code stale-scope}. {@link #stop()} ends the feed for good.
 *
 * <p>A hub subscriber sees what is published after it attached, so {@link #create} builds the hubs without
 * connecting: subscribe what must see the first candles, then {@link #connect()}.
 */
public final class KrakenFeed {
  /** The watchdog names this feed's heartbeat sources {@code kraken:SYMBOL}. */
  public static final String FEED_NAME = "kraken";

  private final Map<KrakenSubscription, FeedHub<?>> hubs;
  private final KrakenFeedStats stats;
  private final UniqueKillSwitch killSwitch;
  private final CompletionStage<Done> done;
  private final CompletableFuture<Done> connectGate;
  private final CandleBackfillStage stitching;

  private KrakenFeed(Map<KrakenSubscription, FeedHub<?>> hubs, KrakenFeedStats stats, UniqueKillSwitch killSwitch,
      CompletionStage<Done> done, CompletableFuture<Done> connectGate,
      CandleBackfillStage stitching) {
    this.hubs = hubs;
    this.stats = stats;
    this.killSwitch = killSwitch;
    this.done = done;
    this.connectGate = connectGate;
    this.stitching = stitching;
  }

  /** Creates the feed and connects at once; subscribers attached later miss what was published before. */
  public static KrakenFeed start(KrakenFeedSettings settings, ActorSystem<?> system, Clock clock,
      Consumer<FeedNotice> notices, Optional<ActorRef<Watchdog.Command>> watchdog) {
    KrakenFeed feed = create(settings, system, clock, notices, watchdog);
    feed.connect();
    return feed;
  }

  /**
   * Creates the feed's hubs; nothing connects until {@link #connect()}. {@code notices} receives connection events, backfills, refusals and validation findings (it
   * is called from stream threads); {@code watchdog}, when present, receives the per-symbol heartbeats.
   */
  public static KrakenFeed create(KrakenFeedSettings settings, ActorSystem<?> system, Clock clock,
      Consumer<FeedNotice> notices, Optional<ActorRef<Watchdog.Command>> watchdog) {
    return create(settings, system, clock, notices, watchdog, barStats -> Flow.create());
  }

  /**
   * As {@link #create(KrakenFeedSettings, ActorSystem, Clock, Consumer, Optional)}, with every closed candle passing
   * the stage {@code beforePublish} makes from the feed's bar stats (the node's {@code StoreBeforePublish}: stored,
   * then published) before its hub has it.
   */
  public static KrakenFeed create(KrakenFeedSettings settings, ActorSystem<?> system, Clock clock,
      Consumer<FeedNotice> notices, Optional<ActorRef<Watchdog.Command>> watchdog,
      java.util.function.Function<FeedStats, Flow<Bar, Bar, NotUsed>> beforePublish) {
    if (settings.subscriptions().isEmpty()) {
      throw new IllegalArgumentException("the Kraken feed needs at least one symbol and channel");
    }
    Materializer materializer = Materializer.matFromSystem(system);
    KrakenFeedStats stats = new KrakenFeedStats();
    RejectionLog rejections = RejectionLog.toSlf4j(RejectionLog.DEFAULT_INTERVAL, clock);
    AtomicLong attempts = new AtomicLong();
    RestartSettings restart = RestartSettings.create(settings.minBackoff(), settings.maxBackoff(),
        settings.randomFactor());
    Source<KrakenFeedEvent, NotUsed> connections = RestartSource.withBackoff(restart, () -> {
      long attempt = attempts.incrementAndGet();
      stats.countConnection();
      notices.accept(new FeedNotice.Connecting(attempt, settings.wsUri().toString()));
      return KrakenConnection.open(attempt, settings, system, stats, rejections, notices, clock)
          .watchTermination((notUsed, termination) -> {
            termination.whenComplete((ok, failure) -> notices.accept(new FeedNotice.Disconnected(
                failure == null ? "closed by the server" : failure.toString())));
            return notUsed;
          });
    });
    watchdog.ifPresent(w -> WatchdogHeartbeats.register(w, FEED_NAME,
        settings.subscriptions().stream().map(KrakenSubscription::symbol).toList(), settings.staleAfter(),
        settings.staleScope()));
    CandleBackfillStage stitching = new CandleBackfillStage(settings.subscriptions(),
        new KrakenRestOhlc(settings, system), stats, rejections, notices);

    Map<KrakenSubscription, FeedHub<?>> hubs = new LinkedHashMap<>();
    CompletableFuture<Done> connectGate = new CompletableFuture<>();
    Source<KrakenFeedEvent, UniqueKillSwitch> events = Source.completionStageSource(
            connectGate.thenApply(ready -> connections))
        .viaMat(KillSwitches.single(), Keep.right())
        .via(watchdog.map(w -> WatchdogHeartbeats.<KrakenFeedEvent>flow(FEED_NAME, KrakenFeedEvent::symbol, w, clock))
            .orElseGet(Flow::create))
        .mapAsync(1, stitching::handle)
        .mapConcat(list -> list);
    for (KrakenSubscription subscription : settings.subscriptions()) {
      Pair<FeedHub<Object>, Sink<Object, NotUsed>> hub = FeedHub.live(settings.subscriberBuffer(), materializer);
      hubs.put(subscription, hub.first());
      Flow<KrakenFeedEvent, Object, NotUsed> routed = route(subscription, stats, rejections, notices);
      if (subscription.channel() instanceof KrakenChannel.Ohlc) {
        routed = routed.map(Bar.class::cast).via(beforePublish.apply(stats.bars())).map(Object.class::cast);
      }
      events = events.alsoTo(routed.to(hub.second()));
    }
    Pair<UniqueKillSwitch, CompletionStage<Done>> running = events.toMat(Sink.ignore(), Keep.both())
        .run(materializer);
    return new KrakenFeed(hubs, stats, running.first(), running.second(), connectGate, stitching);
  }

  /**
   * Before {@link #connect()}: {@code stored} is the newest candle of its series kept from before (the node's candle
   * store), so the first connection backfills the candles closed since from REST, as a reconnect does.
   */
  public void resumeAfter(Bar stored) {
    if (connectGate.isDone()) {
      throw new IllegalStateException("resumeAfter must come before connect");
    }
    stitching.resumeAfter(stored);
  }

  /** Opens the connection (once; later calls do nothing). */
  public void connect() {
    connectGate.complete(Done.getInstance());
  }

  /** Closed, validated candles of {@code symbol} on {@code channel}, as they close. */
  public Source<Bar, NotUsed> bars(Symbol symbol, KrakenChannel.Ohlc channel) {
    return hub(symbol, channel, Bar.class);
  }

  public Source<Trade, NotUsed> trades(Symbol symbol) {
    return hub(symbol, new KrakenChannel.Trades(), Trade.class);
  }

  /** Best bid and offer from the {@code ticker} channel. */
  public Source<Quote, NotUsed> tickerQuotes(Symbol symbol) {
    return hub(symbol, new KrakenChannel.Ticker(), Quote.class);
  }

  /** Best bid and offer from the top of the checksum-verified local order book. */
  public Source<Quote, NotUsed> bookQuotes(Symbol symbol, KrakenChannel.Book channel) {
    return hub(symbol, channel, Quote.class);
  }

  public KrakenFeedStats stats() {
    return stats;
  }

  /** Elements dropped for slow subscribers, over every hub. */
  public long droppedForSlowSubscribers() {
    return hubs.values().stream().mapToLong(FeedHub::dropped).sum();
  }

  /** Closes the connection and completes every subscriber. */
  public void stop() {
    killSwitch.shutdown();
  }

  /** Completes when the feed has stopped. */
  public CompletionStage<Done> done() {
    return done;
  }

  private <T> Source<T, NotUsed> hub(Symbol symbol, KrakenChannel channel, Class<T> type) {
    FeedHub<?> hub = hubs.get(new KrakenSubscription(symbol, channel));
    if (hub == null) {
      throw new IllegalArgumentException("the Kraken feed is not subscribed to " + symbol + " " + channel.label()
          + "; subscribed: " + hubs.keySet());
    }
    return hub.subscribe().map(type::cast);
  }

  private static Flow<KrakenFeedEvent, Object, NotUsed> route(KrakenSubscription subscription, KrakenFeedStats stats,
      RejectionLog rejections, Consumer<FeedNotice> notices) {
    Symbol symbol = subscription.symbol();
    Flow<KrakenFeedEvent, KrakenFeedEvent, NotUsed> mine =
        Flow.<KrakenFeedEvent>create().filter(event -> symbol.equals(event.symbol()));
    KrakenChannel channel = subscription.channel();
    if (channel instanceof KrakenChannel.Ohlc ohlc) {
      return mine.filter(event -> event instanceof KrakenFeedEvent.BarClosed closed
              && closed.bar().interval().equals(ohlc.interval()))
          .map(event -> ((KrakenFeedEvent.BarClosed) event).bar())
          .via(BarValidationFlow.create(stats.bars(), notices, rejections))
          .map(bar -> (Object) bar);
    }
    if (channel instanceof KrakenChannel.Trades) {
      return mine.filter(event -> event instanceof KrakenFeedEvent.TradePrinted)
          .map(event -> (Object) ((KrakenFeedEvent.TradePrinted) event).trade());
    }
    return mine.filter(event -> event instanceof KrakenFeedEvent.QuoteChanged quote
            && quote.channel().equals(channel.name()))
        .map(event -> (Object) ((KrakenFeedEvent.QuoteChanged) event).quote());
  }

  static String heartbeatSource(Symbol symbol) {
    return WatchdogHeartbeats.source(FEED_NAME, symbol);
  }

  /** What the feed is subscribed to, in configuration order. */
  public List<KrakenSubscription> subscriptions() {
    return List.copyOf(hubs.keySet());
  }
}
