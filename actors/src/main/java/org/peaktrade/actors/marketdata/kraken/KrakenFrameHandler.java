package org.peaktrade.actors.marketdata.kraken;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.peaktrade.actors.marketdata.FeedNotice;
import org.peaktrade.actors.marketdata.RejectionLog;
import org.peaktrade.engine.marketdata.BarValidator.Reason;
import org.peaktrade.engine.marketdata.KrakenBookLevel;
import org.peaktrade.engine.marketdata.KrakenChannel;
import org.peaktrade.engine.marketdata.KrakenOrderBook;
import org.peaktrade.engine.marketdata.KrakenRequests;
import org.peaktrade.engine.marketdata.KrakenSubscription;
import org.peaktrade.engine.marketdata.KrakenWsFrame;
import org.peaktrade.engine.marketdata.KrakenWsParser;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Quote;
import org.peaktrade.protocol.Symbol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles the frames of one WebSocket connection, in order: parses each, keeps the order books, and turns what
 * the feed uses into {@link KrakenFeedEvent}s. A malformed frame is counted, logged (rate-limited) and skipped; a
 * refused subscription is reported; a book whose checksum disagrees with the exchange's is dropped and subscribed
 * again over the same connection, and its updates are ignored until the new snapshot arrives.
 *
 * <p>Book frames carry no time, so a quote from the book is stamped with the time it was received.
 *
 * <p>One instance per connection, used by one stream stage: not thread-safe, and a new connection starts with
 * empty books.
 */
final class KrakenFrameHandler {
  private static final Logger LOG = LoggerFactory.getLogger(KrakenFrameHandler.class);

  private final Map<Symbol, Integer> bookDepths = new HashMap<>();
  private final Map<Symbol, KrakenOrderBook> books = new HashMap<>();
  private final Set<Symbol> awaitingBookSnapshot = new HashSet<>();
  private final Consumer<String> send;
  private final AtomicLong requestIds;
  private final KrakenFeedStats stats;
  private final RejectionLog rejections;
  private final Consumer<FeedNotice> notices;
  private final Clock clock;

  KrakenFrameHandler(List<KrakenSubscription> subscriptions, Consumer<String> send, AtomicLong requestIds,
      KrakenFeedStats stats, RejectionLog rejections, Consumer<FeedNotice> notices, Clock clock) {
    subscriptions.stream().filter(s -> s.channel() instanceof KrakenChannel.Book)
        .forEach(s -> bookDepths.put(s.symbol(), ((KrakenChannel.Book) s.channel()).depth()));
    bookDepths.keySet().forEach(awaitingBookSnapshot::add);
    this.send = send;
    this.requestIds = requestIds;
    this.stats = stats;
    this.rejections = rejections;
    this.notices = notices;
    this.clock = clock;
  }

  List<KrakenFeedEvent> handle(String text) {
    stats.countMessage();
    KrakenWsFrame frame;
    try {
      frame = KrakenWsParser.parse(text);
    } catch (IllegalArgumentException e) {
      stats.countMalformed();
      rejections.rejected(Reason.MALFORMED, e.getMessage());
      notices.accept(new FeedNotice.MalformedMessage(e.getMessage()));
      return List.of();
    }
    if (frame instanceof KrakenWsFrame.Candles candles) {
      return candles.candles().isEmpty() ? List.of()
          : List.of(new KrakenFeedEvent.RunningCandles(candles.candles().get(0).symbol(), candles.candles()));
    }
    if (frame instanceof KrakenWsFrame.Book book) {
      return onBook(book);
    }
    if (frame instanceof KrakenWsFrame.Trades trades) {
      return trades.trades().stream().<KrakenFeedEvent>map(KrakenFeedEvent.TradePrinted::new).toList();
    }
    if (frame instanceof KrakenWsFrame.Ticker ticker) {
      return List.of(new KrakenFeedEvent.QuoteChanged(ticker.quote(), "ticker"));
    }
    if (frame instanceof KrakenWsFrame.Ack ack && !ack.success()) {
      stats.countSubscriptionError();
      LOG.error("Kraken refused {} {} {}: {}", ack.method(), ack.channel(), ack.symbol(), ack.error());
      notices.accept(new FeedNotice.SubscriptionRefused(ack.channel(), ack.symbol(), ack.error()));
    } else if (frame instanceof KrakenWsFrame.Status status) {
      LOG.info("Kraken connection {} (system {})", status.connectionId(), status.system());
    }
    return List.of();
  }

  private List<KrakenFeedEvent> onBook(KrakenWsFrame.Book frame) {
    Symbol symbol;
    try {
      symbol = Symbol.of(frame.symbol());
    } catch (IllegalArgumentException e) {
      stats.countMalformed();
      rejections.rejected(Reason.MALFORMED, "book: " + e.getMessage());
      return List.of();
    }
    Integer depth = bookDepths.get(symbol);
    if (depth == null || (!frame.snapshot() && awaitingBookSnapshot.contains(symbol))) {
      return List.of();
    }
    KrakenOrderBook book = books.computeIfAbsent(symbol, s -> new KrakenOrderBook(depth));
    if (frame.snapshot()) {
      book.applySnapshot(frame.bids(), frame.asks());
      awaitingBookSnapshot.remove(symbol);
    } else {
      book.applyUpdate(frame.bids(), frame.asks());
    }
    if (!book.verify(frame.checksum())) {
      resubscribeBook(symbol, depth, frame.checksum(), book.checksum());
      return List.of();
    }
    return top(symbol, book);
  }

  private void resubscribeBook(Symbol symbol, int depth, long expected, long computed) {
    stats.countChecksumMismatch();
    LOG.warn("{} book checksum mismatch (exchange {}, local {}): subscribing again", symbol, expected, computed);
    books.remove(symbol);
    awaitingBookSnapshot.add(symbol);
    KrakenChannel channel = new KrakenChannel.Book(depth);
    send.accept(KrakenRequests.unsubscribe(channel, List.of(symbol), requestIds.incrementAndGet()));
    send.accept(KrakenRequests.subscribe(channel, List.of(symbol), requestIds.incrementAndGet()));
    notices.accept(new FeedNotice.BookResubscribed(symbol, expected, computed));
  }

  private List<KrakenFeedEvent> top(Symbol symbol, KrakenOrderBook book) {
    if (book.bestBid().isEmpty() || book.bestAsk().isEmpty()) {
      return List.of();
    }
    KrakenBookLevel bid = book.bestBid().get();
    KrakenBookLevel ask = book.bestAsk().get();
    return List.of(new KrakenFeedEvent.QuoteChanged(new Quote(symbol, clock.instant(), new Price(bid.price()),
        new Quantity(bid.qty()), new Price(ask.price()), new Quantity(ask.qty())), "book"));
  }
}
