package org.peaktrade.actors.marketdata;

import java.util.concurrent.atomic.LongAdder;
import org.apache.pekko.NotUsed;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.BroadcastHub;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * Shares one upstream (one symbol's validated bars, or its trades, or its quotes) among any number of sessions;
 * start one hub per symbol and channel.
 *
 * <p>Slow-consumer policy: a {@code BroadcastHub} alone moves at the pace of its slowest subscriber. So every
 * subscriber reads the hub through its own buffer of {@code subscriberBuffer} elements, running in its own
 * island, that never backpressures the hub: when the subscriber falls that far behind, its oldest element is
 * dropped and counted in {@link #dropped()}. A stalled session thus loses its own stale data and never delays
 * the others; it sees the freshest data once it resumes, and a bar validator downstream of it will see the hole
 * as a gap.
 *
 * <p>As with any broadcast hub, a subscriber sees what is published after it attached. A hub made by
 * {@link #start} holds up to {@value #HUB_BUFFER} elements while nobody is subscribed and then backpressures the
 * upstream (right for a replay, which should wait for its audience). A hub made by {@link #startLive} always has
 * one extra subscriber that discards everything, so a live connection is never held back for lack of listeners.
 */
public final class FeedHub<T> {
  public static final int DEFAULT_SUBSCRIBER_BUFFER = 1024;
  static final int HUB_BUFFER = 256;

  private final Source<T, NotUsed> hub;
  private final int subscriberBuffer;
  private final LongAdder dropped = new LongAdder();

  private FeedHub(Source<T, NotUsed> hub, int subscriberBuffer) {
    this.hub = hub;
    this.subscriberBuffer = subscriberBuffer;
  }

  public static <T, M> FeedHub<T> start(Source<T, M> upstream, Materializer materializer) {
    return start(upstream, DEFAULT_SUBSCRIBER_BUFFER, materializer);
  }

  public static <T, M> FeedHub<T> start(Source<T, M> upstream, int subscriberBuffer, Materializer materializer) {
    @SuppressWarnings("unchecked")
    Source<T, NotUsed> hub = upstream.toMat(BroadcastHub.of((Class<T>) Object.class, HUB_BUFFER), Keep.right())
        .run(materializer);
    return new FeedHub<>(hub, subscriberBuffer);
  }

  /** A hub that never backpressures its upstream, with or without subscribers. */
  public static <T, M> FeedHub<T> startLive(Source<T, M> upstream, int subscriberBuffer, Materializer materializer) {
    FeedHub<T> feedHub = start(upstream, subscriberBuffer, materializer);
    feedHub.subscribe().runWith(Sink.ignore(), materializer);
    return feedHub;
  }

  /**
   * A live hub whose input is not connected yet: feed it by running a stream into the returned sink (once). Like
   * {@link #startLive}, it never backpressures that stream.
   */
  public static <T> Pair<FeedHub<T>, Sink<T, NotUsed>> live(int subscriberBuffer, Materializer materializer) {
    @SuppressWarnings("unchecked")
    Pair<Source<T, NotUsed>, Sink<T, NotUsed>> hub =
        BroadcastHub.of((Class<T>) Object.class, HUB_BUFFER).preMaterialize(materializer);
    FeedHub<T> feedHub = new FeedHub<>(hub.first(), subscriberBuffer);
    feedHub.subscribe().runWith(Sink.ignore(), materializer);
    return Pair.create(feedHub, hub.second());
  }

  /** A new subscription; each materialisation is one subscriber with its own buffer. */
  public Source<T, NotUsed> subscribe() {
    return hub.via(new DropOldestBuffer<T>(subscriberBuffer, dropped::increment)).async();
  }

  /** Elements dropped so far, over all subscribers, because a subscriber's buffer was full. */
  public long dropped() {
    return dropped.sum();
  }
}
