package org.peaktrade.actors.marketdata;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.peaktrade.protocol.Bar;

/**
 * The newest bars a feed published, at most {@code capacity}, for subscribers that resume: a session restarted with
 * a last bar receives the bars after it from here before the live ones ({@code BarFeed.after}), so bars published
 * before it subscribed again — a restarted node's replay plays what it had played unpaced, before the sessions are
 * back — are not lost to it. Written by the feed's stream, read by subscribing sessions: thread-safe.
 */
public final class RecentBars {
  /** Keeps nothing: a feed without recent bars (subscribers get the live bars only). */
  public static final RecentBars NONE = new RecentBars(0);

  private final int capacity;
  private final ArrayDeque<Bar> bars;

  public RecentBars(int capacity) {
    this.capacity = capacity;
    this.bars = new ArrayDeque<>(Math.max(1, Math.min(capacity, 4096)));
  }

  /** Keeps {@code bar} as the newest; the oldest goes when more than {@code capacity} are kept. */
  public synchronized void add(Bar bar) {
    if (capacity == 0) {
      return;
    }
    bars.addLast(bar);
    if (bars.size() > capacity) {
      bars.pollFirst();
    }
  }

  /** The kept bars that open after {@code after} and before {@code before}, oldest first. */
  public synchronized List<Bar> between(Instant after, Instant before) {
    List<Bar> between = new ArrayList<>();
    for (Bar bar : bars) {
      if (bar.openTime().isAfter(after) && bar.openTime().isBefore(before)) {
        between.add(bar);
      }
    }
    return between;
  }

  /** The kept bars that open after {@code lastOpen}, oldest first. */
  public synchronized List<Bar> after(Instant lastOpen) {
    List<Bar> after = new ArrayList<>();
    for (Bar bar : bars) {
      if (bar.openTime().isAfter(lastOpen)) {
        after.add(bar);
      }
    }
    return after;
  }
}
