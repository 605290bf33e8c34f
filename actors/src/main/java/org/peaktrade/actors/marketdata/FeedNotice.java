package org.peaktrade.actors.marketdata;

import java.time.Duration;
import java.time.Instant;
import org.peaktrade.engine.marketdata.BarValidator.Reason;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Symbol;

/**
 * What a feed tells its side channel, besides the data itself: bars it dropped, holes it saw, and what happened
 * to its connection. Operators see these in the log and in the {@code feed} command.
 */
public sealed interface FeedNotice {

  /** No bar covered {@code from} (the last accepted close) up to {@code to} (the next accepted open). */
  record GapDetected(Symbol symbol, Instant from, Instant to) implements FeedNotice {}

  /** {@code bar} was dropped for {@code reason}; {@code detail} says why in words. */
  record Rejected(Bar bar, Reason reason, String detail) implements FeedNotice {}

  /** A message could not be used at all (not JSON, a missing or impossible field); the feed went on. */
  record MalformedMessage(String detail) implements FeedNotice {}

  /** Connection attempt number {@code attempt} starts (1 is the first connection, every later one a reconnect). */
  record Connecting(long attempt, String endpoint) implements FeedNotice {}

  /** The connection ended ({@code cause} says how); the next attempt follows after the backoff. */
  record Disconnected(String cause) implements FeedNotice {}

  /** The exchange refused a subscription; it is not retried until the next connection. */
  record SubscriptionRefused(String channel, String symbol, String error) implements FeedNotice {}

  /** The local order book disagreed with the exchange's checksum; the book is being subscribed again. */
  record BookResubscribed(Symbol symbol, long expected, long computed) implements FeedNotice {}

  /** After a reconnect, {@code bars} closed candles in [{@code from}, {@code to}) were fetched from REST. */
  record Backfilled(Symbol symbol, Duration interval, Instant from, Instant to, int bars) implements FeedNotice {}

  /** The REST backfill of [{@code from}, {@code to}) failed; the hole is reported as a gap downstream. */
  record BackfillFailed(Symbol symbol, Duration interval, Instant from, Instant to, String cause)
      implements FeedNotice {}
}
