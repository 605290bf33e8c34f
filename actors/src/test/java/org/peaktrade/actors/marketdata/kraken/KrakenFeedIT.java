package org.peaktrade.actors.marketdata.kraken;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peaktrade.actors.candles.CandleStore;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.actors.fixtures.FakeKraken;
import org.peaktrade.actors.fixtures.RecordingKillSwitchService;
import org.peaktrade.actors.marketdata.FeedNotice;
import org.peaktrade.actors.marketdata.FeedStats;
import org.peaktrade.actors.marketdata.StoreBeforePublish;
import org.peaktrade.actors.watchdog.Watchdog;
import org.peaktrade.engine.data.LoadOptions;
import org.peaktrade.engine.data.MarketDataFiles;
import org.peaktrade.engine.marketdata.BarValidator.Reason;
import org.peaktrade.engine.marketdata.KrakenBookLevel;
import org.peaktrade.engine.marketdata.KrakenChannel;
import org.peaktrade.engine.marketdata.KrakenRestPairs;
import org.peaktrade.engine.marketdata.KrakenSubscription;
import org.peaktrade.engine.watchdog.SourceKind;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Quote;
import org.peaktrade.protocol.Side;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.Trade;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.TriggerKind;

/**
 * The Kraken feed against {@link FakeKraken} over real WebSocket and HTTP on loopback: real BTC candles as the
 * exchange truth, with minutes 12, 13, 25 and 40 without trades (absent on the WebSocket, flat in REST).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
class KrakenFeedIT {
  private static final Symbol BTC = Bars.BTC;
  private static final KrakenChannel.Ohlc ONE_MINUTE = new KrakenChannel.Ohlc(1);
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final List<Integer> NO_TRADES = List.of(12, 13, 25, 40);
  /** The exchange starts with this bar forming: its first snapshot is the closed bars 6 to 9 and this one. */
  private static final int SNAPSHOT_END = 10;

  @JUnit5TestKit
  final ActorTestKit testKit = new JUnit5TestKitBuilder().build();

  private List<Bar> truth;
  private FakeKraken kraken;
  private KrakenFeed feed;
  private final List<FeedNotice> notices = new CopyOnWriteArrayList<>();
  private final List<Bar> received = new CopyOnWriteArrayList<>();
  private TestProbe<Object> waiter;
  /** What each closed candle passes before its hub: nothing but the candle, unless a test stores them. */
  private Function<FeedStats, Flow<Bar, Bar, NotUsed>> beforePublish = barStats -> Flow.create();

  @BeforeEach
  void startExchange() throws Exception {
    beforePublish = barStats -> Flow.create();
    truth = exchangeTruth();
    kraken = FakeKraken.start(testKit.system(), truth, SNAPSHOT_END);
    notices.clear();
    received.clear();
    waiter = testKit.createTestProbe();
  }

  @AfterEach
  void stop() throws Exception {
    if (feed != null) {
      feed.stop();
    }
    kraken.close();
  }

  @Test
  void deliversEveryClosedCandleExactlyOnceInOrderAcrossAForcedReconnectWithRestBackfill() {
    startFeed(List.of(new KrakenSubscription(BTC, ONE_MINUTE)), Optional.empty(), Map.of());
    eventually(() -> kraken.subscribeRequests("ohlc") == 1);

    kraken.advanceTo(20);
    eventually(() -> received.contains(truth.get(19)));
    kraken.outageUntil(35);
    eventually(() -> kraken.subscribeRequests("ohlc") == 2);
    kraken.advanceTo(50);
    eventually(() -> received.contains(truth.get(49)));

    assertThat(received).isEqualTo(seenFrom(6, 50));
    assertThat(feed.stats().connections()).isEqualTo(2);
    assertThat(feed.stats().backfilledBars()).isEqualTo(11);
    assertThat(kraken.restRequests()).isGreaterThanOrEqualTo(1);
    assertThat(notices).contains(new FeedNotice.Backfilled(BTC, Duration.ofMinutes(1), truth.get(20).openTime(),
        truth.get(31).openTime(), 11));
    assertThat(feed.stats().bars().gaps()).isZero();
  }

  @Test
  void aFeedStartedAfterAStoredCandleBackfillsTheCandlesClosedSinceAndStoresEveryCandleBeforePublishingIt()
      throws Exception {
    CandleStore store = CandleStore.inMemory(testKit.system());
    beforePublish = barStats -> StoreBeforePublish.flow(store, barStats, KrakenFeed.FEED_NAME);
    List<Bar> published = new CopyOnWriteArrayList<>();
    List<Bar> storedWhenPublished = new CopyOnWriteArrayList<>();
    startFeed(List.of(new KrakenSubscription(BTC, ONE_MINUTE)), Optional.empty(), Map.of(), created -> {
      created.resumeAfter(truth.get(2));
      created.bars(BTC, ONE_MINUTE).runWith(Sink.foreach(bar -> {
        published.add(bar);
        storedWhenPublished.addAll(store.range(BTC, Duration.ofMinutes(1), bar.openTime(), bar.closeTime())
            .toCompletableFuture().get());
      }), testKit.system());
    });

    eventually(() -> received.contains(truth.get(9)));

    assertThat(store.range(BTC, Duration.ofMinutes(1), truth.get(0).openTime(), truth.get(SNAPSHOT_END).openTime())
        .toCompletableFuture().get()).isEqualTo(truth.subList(3, SNAPSHOT_END));
    assertThat(notices).contains(new FeedNotice.Backfilled(BTC, Duration.ofMinutes(1), truth.get(3).openTime(),
        truth.get(6).openTime(), 3));
    assertThat(feed.stats().backfilledBars()).isEqualTo(3);
    assertThat(storedWhenPublished).as("each candle was in the store when a subscriber got it")
        .isNotEmpty().isEqualTo(published);
  }

  @Test
  void aSilentConnectionIsDroppedAndReconnected() {
    startFeed(List.of(new KrakenSubscription(BTC, ONE_MINUTE)), Optional.empty(), Map.of());
    eventually(() -> kraken.subscribeRequests("ohlc") == 1);
    kraken.advanceTo(15);
    eventually(() -> received.contains(truth.get(14)));

    kraken.goSilent(true);
    eventually(() -> kraken.connectionsAccepted() >= 2);
    kraken.goSilent(false);
    eventually(() -> kraken.subscribeRequests("ohlc") >= 2 && kraken.openConnections() >= 1);
    kraken.advanceTo(22);
    eventually(() -> received.contains(truth.get(21)));

    assertThat(notices).anySatisfy(n -> assertThat(n).isInstanceOfSatisfying(FeedNotice.Disconnected.class,
        d -> assertThat(d.cause()).contains("No elements passed in the last")));
    assertThat(received).isEqualTo(seenFrom(6, 22));
  }

  @Test
  void malformedDuplicateAndOutOfOrderFramesAreCountedAndSkippedWithoutLosingTheConnection() {
    startFeed(List.of(new KrakenSubscription(BTC, ONE_MINUTE)), Optional.empty(), Map.of());
    eventually(() -> kraken.subscribeRequests("ohlc") == 1);
    kraken.advanceTo(20);
    eventually(() -> received.contains(truth.get(19)));

    kraken.sendToAll("{\"channel\":\"ohlc\",\"type\":\"update\",\"data\":[{\"symbol\":");
    kraken.sendToAll(ohlcUpdate(truth.get(19)));
    kraken.sendToAll(ohlcUpdate(truth.get(17)));
    kraken.sendToAll(ohlcUpdate(truth.get(20)).replace("\"high\":", "\"high\":\"NaN\",\"ignored\":"));
    kraken.advanceTo(24);
    eventually(() -> received.contains(truth.get(23)));

    assertThat(received).isEqualTo(seenFrom(6, 24));
    assertThat(feed.stats().malformedMessages()).isEqualTo(2);
    assertThat(feed.stats().bars().rejected(Reason.DUPLICATE)).isEqualTo(1);
    assertThat(feed.stats().bars().rejected(Reason.OUT_OF_ORDER)).isEqualTo(1);
    assertThat(feed.stats().connections()).isEqualTo(1);
    assertThat(notices).filteredOn(FeedNotice.MalformedMessage.class::isInstance).hasSize(2);
  }

  @Test
  void aWrongBookChecksumResubscribesTheBookOverTheSameConnection() {
    List<KrakenBookLevel> bids = List.of(KrakenBookLevel.of("45283.5", "0.10000000"),
        KrakenBookLevel.of("45283.4", "1.54582015"));
    List<KrakenBookLevel> asks = List.of(KrakenBookLevel.of("45285.2", "0.00100000"),
        KrakenBookLevel.of("45286.4", "1.54571953"));
    kraken.book(bids, asks);
    KrakenChannel.Book book = new KrakenChannel.Book(10);
    List<Quote> quotes = new CopyOnWriteArrayList<>();
    startFeed(List.of(new KrakenSubscription(BTC, book)), Optional.empty(), Map.of(),
        created -> created.bookQuotes(BTC, book).runWith(Sink.foreach(quotes::add), testKit.system()));
    eventually(() -> kraken.subscribeRequests("book") == 1 && !quotes.isEmpty());

    kraken.sendBookUpdateWithWrongChecksum("45283.6", "2.0");
    eventually(() -> kraken.subscribeRequests("book") == 2);
    List<KrakenBookLevel> bidsAfter = List.of(KrakenBookLevel.of("45283.6", "2.0"), bids.get(0), bids.get(1));
    kraken.sendBookUpdate("45283.6", "2.0", bidsAfter, asks);
    eventually(() -> quotes.get(quotes.size() - 1).bid().value().compareTo(new BigDecimal("45283.6")) == 0);

    assertThat(feed.stats().checksumMismatches()).isEqualTo(1);
    assertThat(feed.stats().connections()).isEqualTo(1);
    assertThat(kraken.received()).anySatisfy(frame -> assertThat(frame).contains("\"unsubscribe\"")
        .contains("\"book\""));
    assertThat(quotes).as("the update with the wrong checksum produced no quote")
        .filteredOn(q -> q.bid().value().compareTo(new BigDecimal("45283.6")) == 0).hasSize(1);
    assertThat(notices).anySatisfy(n -> assertThat(n).isInstanceOf(FeedNotice.BookResubscribed.class));
  }

  @Test
  void tradesAndTickerQuotesOfOneConnectionReachTheirOwnHubs() {
    List<Trade> trades = new CopyOnWriteArrayList<>();
    List<Quote> quotes = new CopyOnWriteArrayList<>();
    startFeed(List.of(new KrakenSubscription(BTC, new KrakenChannel.Trades()),
        new KrakenSubscription(BTC, new KrakenChannel.Ticker())), Optional.empty(), Map.of(), created -> {
          created.trades(BTC).runWith(Sink.foreach(trades::add), testKit.system());
          created.tickerQuotes(BTC).runWith(Sink.foreach(quotes::add), testKit.system());
        });
    eventually(() -> kraken.subscribeRequests("trade") == 1 && kraken.subscribeRequests("ticker") == 1);
    Instant time = Instant.parse("2026-11-24T10:00:00.123456Z");

    kraken.sendTrade("buy", "46000.1", "0.25", 101, time);
    kraken.sendTicker("46000.0", "1.5", "46000.2", "0.7", "46000.1", time);
    kraken.sendTrade("sell", "45999.9", "0.01", 102, time.plusSeconds(1));
    eventually(() -> trades.size() == 2 && quotes.size() == 1);

    assertThat(trades).containsExactly(
        new Trade(BTC, time, Price.of("46000.1"), Quantity.of("0.25"), Side.BUY, "101"),
        new Trade(BTC, time.plusSeconds(1), Price.of("45999.9"), Quantity.of("0.01"), Side.SELL, "102"));
    assertThat(quotes).containsExactly(new Quote(BTC, time, Price.of("46000.0"), Quantity.of("1.5"),
        Price.of("46000.2"), Quantity.of("0.7")));
  }

  @Test
  void aRefusedSubscriptionIsReportedAndTheOtherSymbolsKeepFlowing() {
    kraken.refuse("ETH/USD");
    startFeed(List.of(new KrakenSubscription(BTC, ONE_MINUTE), new KrakenSubscription(Symbol.of("ETH/USD"),
        ONE_MINUTE)), Optional.empty(), Map.of());
    eventually(() -> kraken.subscribeRequests("ohlc") == 1);
    kraken.advanceTo(14);
    eventually(() -> received.contains(truth.get(13)));

    assertThat(notices).contains(new FeedNotice.SubscriptionRefused(null, "ETH/USD",
        "Currency pair not supported ETH/USD"));
    assertThat(feed.stats().subscriptionErrors()).isEqualTo(1);
    assertThat(feed.stats().connections()).isEqualTo(1);
  }

  @Test
  void aFailedBackfillIsReportedAndTheHoleSurfacesAsAGap() {
    startFeed(List.of(new KrakenSubscription(BTC, ONE_MINUTE)), Optional.empty(), Map.of("BTC/USD", "NOSUCHPAIR"));
    eventually(() -> kraken.subscribeRequests("ohlc") == 1);
    kraken.advanceTo(20);
    eventually(() -> received.contains(truth.get(19)));

    kraken.outageUntil(35);
    eventually(() -> kraken.subscribeRequests("ohlc") == 2);
    kraken.advanceTo(38);
    eventually(() -> received.contains(truth.get(37)));

    List<Bar> expected = new ArrayList<>(seenFrom(6, 20));
    expected.addAll(truth.subList(31, 38));
    assertThat(received).isEqualTo(expected);
    assertThat(feed.stats().backfillFailures()).isEqualTo(1);
    assertThat(feed.stats().bars().gaps()).isEqualTo(1);
    assertThat(notices).anySatisfy(n -> assertThat(n).isInstanceOfSatisfying(FeedNotice.BackfillFailed.class,
        f -> assertThat(f.cause()).contains("EQuery:Unknown asset pair")));
    assertThat(notices).contains(new FeedNotice.GapDetected(BTC, truth.get(20).openTime(), truth.get(31).openTime()));
  }

  @Test
  void eachSymbolHeartbeatsToTheWatchdogWhileDataFlows() {
    TestProbe<Watchdog.Command> watchdog = testKit.createTestProbe();
    startFeed(List.of(new KrakenSubscription(BTC, ONE_MINUTE)), Optional.of(watchdog.getRef()), Map.of());

    Watchdog.Register register = watchdog.expectMessageClass(Watchdog.Register.class);
    assertThat(register).isEqualTo(new Watchdog.Register("kraken:BTC/USD", Duration.ofSeconds(2),
        KillSwitchScope.GLOBAL, SourceKind.MARKET_DATA));
    assertThat(watchdog.expectMessageClass(Watchdog.Heartbeat.class, WAIT))
        .isEqualTo(new Watchdog.Heartbeat("kraken:BTC/USD"));
  }

  @Test
  void aSymbolWithoutDataGoesStaleAndTheWatchdogKillsTheConfiguredScope() {
    RecordingKillSwitchService service = new RecordingKillSwitchService();
    ActorRef<Watchdog.Command> watchdog = testKit.spawn(Watchdog.create(service, Clock.systemUTC()));
    startFeed(List.of(new KrakenSubscription(BTC, ONE_MINUTE)), Optional.of(watchdog), Map.of());
    eventually(() -> kraken.subscribeRequests("ohlc") == 1);

    eventually(() -> !service.triggers().isEmpty());

    RecordingKillSwitchService.TriggerCall trigger = service.triggers().get(0);
    assertThat(trigger.scope()).isEqualTo(KillSwitchScope.GLOBAL);
    assertThat(trigger.kind()).isEqualTo(TriggerKind.WATCHDOG);
    assertThat(trigger.reason()).contains("kraken:BTC/USD");
    assertThat(feed.stats().connections()).isEqualTo(1);
  }

  private void startFeed(List<KrakenSubscription> subscriptions, Optional<ActorRef<Watchdog.Command>> watchdog,
      Map<String, String> restPairs) {
    startFeed(subscriptions, watchdog, restPairs, created -> { });
  }

  private void startFeed(List<KrakenSubscription> subscriptions, Optional<ActorRef<Watchdog.Command>> watchdog,
      Map<String, String> restPairs, Consumer<KrakenFeed> beforeConnect) {
    KrakenFeedSettings settings = new KrakenFeedSettings(URI.create(kraken.wsUrl()), URI.create(kraken.restUrl()),
        subscriptions, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofMillis(400),
        0.2, Duration.ofSeconds(5), new KrakenRestPairs(restPairs), Duration.ofSeconds(2), KillSwitchScope.GLOBAL,
        1024);
    feed = KrakenFeed.create(settings, testKit.system(), Clock.systemUTC(), notices::add, watchdog, beforePublish);
    if (subscriptions.contains(new KrakenSubscription(BTC, ONE_MINUTE))) {
      feed.bars(BTC, ONE_MINUTE).runWith(Sink.foreach(received::add), testKit.system());
    }
    beforeConnect.accept(feed);
    feed.connect();
  }

  /**
   * The exchange's bars {@code from} (inclusive, the first of its first snapshot) to {@code to} (exclusive), as this
   * test's subscriber can have seen them: it attaches to the feed's live hub asynchronously, so on a busy machine it
   * may miss (part of) the first snapshot, and nothing after it: the bar forming then is the latest it may start at.
   */
  private List<Bar> seenFrom(int from, int to) {
    int first = received.isEmpty() ? from : truth.indexOf(received.get(0));
    assertThat(first).as("the first bar the subscriber saw is in the first snapshot (bars %d to %d)", from,
        SNAPSHOT_END).isBetween(from, SNAPSHOT_END);
    return truth.subList(first, to);
  }

  private void eventually(Supplier<Boolean> condition) {
    waiter.awaitAssert(WAIT, () -> {
      assertThat(condition.get()).as("condition within " + WAIT + "; notices so far: " + notices).isTrue();
      return null;
    });
  }

  private static String ohlcUpdate(Bar bar) {
    return "{\"channel\":\"ohlc\",\"type\":\"update\",\"data\":[{\"symbol\":\"" + bar.symbol() + "\",\"open\":"
        + bar.open() + ",\"high\":" + bar.high() + ",\"low\":" + bar.low() + ",\"close\":" + bar.close()
        + ",\"trades\":3,\"volume\":" + bar.volume() + ",\"vwap\":" + bar.close() + ",\"interval_begin\":\""
        + bar.openTime() + "\",\"interval\":1}]}";
  }

  /** 60 real one-minute BTC candles; the minutes in {@link #NO_TRADES} become flat at the previous close. */
  private static List<Bar> exchangeTruth() throws Exception {
    List<Bar> real = MarketDataFiles.load(Bars.demoData().resolve("btc-perp-1m-2022-01.csv"), LoadOptions.defaults())
        .bars().subList(0, 60);
    List<Bar> truth = new ArrayList<>();
    for (int i = 0; i < real.size(); i++) {
      Bar bar = real.get(i);
      if (NO_TRADES.contains(i)) {
        Bar previous = truth.get(i - 1);
        bar = new Bar(bar.symbol(), bar.openTime(), bar.interval(), previous.close(), previous.close(),
            previous.close(), previous.close(), Quantity.ZERO);
      }
      truth.add(bar);
    }
    return truth;
  }
}
