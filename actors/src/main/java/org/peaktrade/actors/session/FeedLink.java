package org.peaktrade.actors.session;

import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.stream.AbruptStageTerminationException;
import org.apache.pekko.stream.AbruptTerminationException;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.typed.javadsl.ActorSink;
import org.peaktrade.actors.session.TradingSession.Ack;
import org.peaktrade.actors.session.TradingSession.BarsArrived;
import org.peaktrade.actors.session.TradingSession.Command;
import org.peaktrade.actors.session.TradingSession.FeedEnded;
import org.peaktrade.actors.session.TradingSession.FeedStarted;
import org.peaktrade.protocol.Bar;

/**
 * A {@link TradingSession}'s subscription to the node's bar feed of its symbol: a stream into the session with
 * backpressure, behind a kill switch so the session can leave the feed when it stops or restarts. Bars arrive as
 * {@link BarsArrived} and the next delivery waits for its {@link Ack}; bars that come while the session is busy are
 * gathered, up to {@code feed-batch} of them, into the next delivery (one bar at a time when the session keeps up
 * with a live feed, large batches when it is behind). Used from the session's own thread only.
 *
 * <p>The stream runs on the system's materializer, not one of the session's own (which would be one more actor per
 * session, ~1.2 KB of heap each): the session leaves it on every stop path ({@link #disconnect} on restart and stop),
 * and the sink watches the session, so the stream also ends when the session's actor dies without either.
 */
final class FeedLink {
  private final ActorContext<Command> context;
  private final SessionPlan plan;
  private final int maxBatch;
  private UniqueKillSwitch running;

  FeedLink(ActorContext<Command> context, SessionPlan plan, int maxBatch) {
    this.context = context;
    this.plan = plan;
    this.maxBatch = maxBatch;
  }

  /**
   * Materialises one more subscription to the plan's feed, with the session as its sink: the feed's recent bars after
   * {@code last} first when the session has one (it resumes), then the live ones.
   */
  void connect(Bar last) {
    running = plan.feed().after(last == null ? null : last.openTime())
        .viaMat(KillSwitches.single(), Keep.right())
        .batch(maxBatch, FeedLink::firstOfBatch, FeedLink::addToBatch)
        .to(ActorSink.<List<Bar>, Command, Ack>actorRefWithBackpressure(context.getSelf(), BarsArrived::new,
            FeedStarted::new, Ack.INSTANCE, new FeedEnded(null), FeedEnded::new))
        .run(Materializer.matFromSystem(context.getSystem()));
  }

  private static List<Bar> firstOfBatch(Bar bar) {
    List<Bar> batch = new ArrayList<>();
    batch.add(bar);
    return batch;
  }

  private static List<Bar> addToBatch(List<Bar> batch, Bar bar) {
    batch.add(bar);
    return batch;
  }

  /** Leaves the feed; does nothing when not connected. */
  void disconnect() {
    if (running != null) {
      running.shutdown();
      running = null;
    }
  }

  /**
   * Logs that the feed completed ({@code failure} null) or failed; the session waits for nothing more from it. A
   * stream torn down by the system materializer's shutdown (the node stopping) is not a feed failure and is logged
   * as the end it is.
   */
  void ended(Throwable failure) {
    if (failure instanceof AbruptStageTerminationException || failure instanceof AbruptTerminationException) {
      context.getLog().info("session {}: the {} feed stopped with the node", plan.id(), plan.symbol());
    } else if (failure != null) {
      context.getLog().error("session {}: the {} feed failed: {}", plan.id(), plan.symbol(), failure.toString());
    } else {
      context.getLog().info("session {}: the {} feed completed", plan.id(), plan.symbol());
    }
  }
}
