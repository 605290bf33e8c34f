package org.peaktrade.app.feed;

import org.peaktrade.actors.marketdata.FeedNotice;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Quote;
import org.peaktrade.protocol.Trade;

/** How the {@code feed} command prints data (stdout, one line each) and notices (stderr). */
final class FeedLines {

  private FeedLines() {}

  static String bar(Bar bar, String channel) {
    return bar.openTime() + " " + bar.symbol() + " " + channel + " O " + bar.open() + " H " + bar.high() + " L "
        + bar.low() + " C " + bar.close() + " V " + bar.volume();
  }

  static String trade(Trade trade) {
    return trade.time() + " " + trade.symbol() + " trade " + trade.aggressor() + " " + trade.quantity() + " @ "
        + trade.price() + " id " + trade.tradeId();
  }

  static String quote(Quote quote, String channel) {
    return quote.time() + " " + quote.symbol() + " " + channel + " bid " + quote.bidSize() + " @ " + quote.bid()
        + " ask " + quote.askSize() + " @ " + quote.ask();
  }

  static String notice(FeedNotice notice) {
    String text;
    if (notice instanceof FeedNotice.Connecting c) {
      text = (c.attempt() == 1 ? "connecting to " : "reconnecting (attempt " + c.attempt() + ") to ") + c.endpoint();
    } else if (notice instanceof FeedNotice.Disconnected d) {
      text = "disconnected: " + d.cause();
    } else if (notice instanceof FeedNotice.Backfilled b) {
      text = b.symbol() + ": backfilled " + b.bars() + " closed candles of [" + b.from() + ", " + b.to()
          + ") from REST";
    } else if (notice instanceof FeedNotice.BackfillFailed f) {
      text = f.symbol() + ": REST backfill of [" + f.from() + ", " + f.to() + ") failed: " + f.cause();
    } else if (notice instanceof FeedNotice.GapDetected g) {
      text = g.symbol() + ": gap, no bars from " + g.from() + " to " + g.to();
    } else if (notice instanceof FeedNotice.Rejected r) {
      text = "rejected (" + r.reason() + "): " + r.detail();
    } else if (notice instanceof FeedNotice.MalformedMessage m) {
      text = "malformed message skipped: " + m.detail();
    } else if (notice instanceof FeedNotice.SubscriptionRefused s) {
      text = "Kraken refused the subscription of " + s.symbol() + ": " + s.error();
    } else if (notice instanceof FeedNotice.BookResubscribed b) {
      text = b.symbol() + ": book checksum mismatch (exchange " + b.expected() + ", local " + b.computed()
          + "), subscribing again";
    } else {
      text = notice.toString();
    }
    return "feed: " + text;
  }
}
