package org.peaktrade.actors.marketdata;

import java.util.concurrent.atomic.LongAdder;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.BroadcastHub;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Source;
import org.peaktrade.protocol.Bar;

/**
 * Shares one upstream (one symbol's validated feed) among any number of sessions; start one hub per symbol.
 *
 * <p>Slow-consumer policy: a {@code BroadcastHub} alone moves at the pace of its slowest subscriber. So every
 * subscriber reads the hub through its own buffer of {@code subscriberBuffer} bars, running in its own
 * island, that never backpressures the hub: when the subscriber falls that far behind, its oldest bar is
 * dropped and counted in {@link #droppedBars()}. A stalled session thus loses its own stale bars and never
 * delays the others; it sees the freshest bars once it resumes, and the validator downstream of it will see
 * the hole as a gap.
 *
 * <p>As with any broadcast hub, a subscriber sees the bars published after it attached; while nobody is
 * subscribed the hub holds up to {@value #HUB_BUFFER} bars and then backpressures the upstream.
 */
public final class BarHub {
  public static final int DEFAULT_SUBSCRIBER_BUFFER = 1024;
  static final int HUB_BUFFER = 256;

  private final Source<Bar, NotUsed> hub;
  private final int subscriberBuffer;
  private final LongAdder dropped = new LongAdder();

  private BarHub(Source<Bar, NotUsed> hub, int subscriberBuffer) {
    this.hub = hub;
    this.subscriberBuffer = subscriberBuffer;
  }

  public static <M> BarHub start(Source<Bar, M> upstream, Materializer materializer) {
    return start(upstream, DEFAULT_SUBSCRIBER_BUFFER, materializer);
  }

  public static <M> BarHub start(Source<Bar, M> upstream, int subscriberBuffer, Materializer materializer) {
    Source<Bar, NotUsed> hub = upstream.toMat(BroadcastHub.of(Bar.class, HUB_BUFFER), Keep.right())
        .run(materializer);
    return new BarHub(hub, subscriberBuffer);
  }

  /** A new subscription; each materialisation is one subscriber with its own buffer. */
  public Source<Bar, NotUsed> subscribe() {
    return hub.via(new DropOldestBuffer<>(subscriberBuffer, dropped::increment)).async();
  }

  /** Bars dropped so far, over all subscribers, because a subscriber's buffer was full. */
  public long droppedBars() {
    return dropped.sum();
  }
}
