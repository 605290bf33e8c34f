package org.peaktrade.actors.marketdata.kraken;

import java.util.concurrent.atomic.LongAdder;
import org.peaktrade.actors.marketdata.FeedStats;

/**
 * Counters of one Kraken feed for metrics and the {@code feed} command: written by the stream, read from any
 * thread, kept across reconnections. Bar validation has its own {@link FeedStats}.
 */
public final class KrakenFeedStats {
  private final FeedStats bars = new FeedStats();
  private final LongAdder connections = new LongAdder();
  private final LongAdder messages = new LongAdder();
  private final LongAdder malformed = new LongAdder();
  private final LongAdder subscriptionErrors = new LongAdder();
  private final LongAdder checksumMismatches = new LongAdder();
  private final LongAdder backfilledBars = new LongAdder();
  private final LongAdder backfillFailures = new LongAdder();

  /** Validation counts of the closed bars (accepted, gaps, rejected by reason). */
  public FeedStats bars() {
    return bars;
  }

  /** Connection attempts so far, the first one included. */
  public long connections() {
    return connections.sum();
  }

  public long messages() {
    return messages.sum();
  }

  public long malformedMessages() {
    return malformed.sum();
  }

  public long subscriptionErrors() {
    return subscriptionErrors.sum();
  }

  public long checksumMismatches() {
    return checksumMismatches.sum();
  }

  public long backfilledBars() {
    return backfilledBars.sum();
  }

  public long backfillFailures() {
    return backfillFailures.sum();
  }

  void countConnection() {
    connections.increment();
  }

  void countMessage() {
    messages.increment();
  }

  void countMalformed() {
    malformed.increment();
  }

  void countSubscriptionError() {
    subscriptionErrors.increment();
  }

  void countChecksumMismatch() {
    checksumMismatches.increment();
  }

  void countBackfilled(int count) {
    backfilledBars.add(count);
  }

  void countBackfillFailure() {
    backfillFailures.increment();
  }
}
