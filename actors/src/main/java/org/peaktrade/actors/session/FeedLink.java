package org.peaktrade.actors.session;

import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.typed.javadsl.ActorSink;
import org.peaktrade.actors.session.TradingSession.Ack;
import org.peaktrade.actors.session.TradingSession.BarArrived;
import org.peaktrade.actors.session.TradingSession.Command;
import org.peaktrade.actors.session.TradingSession.FeedEnded;
import org.peaktrade.actors.session.TradingSession.FeedStarted;
import org.peaktrade.protocol.Bar;

/**
 * A {@link TradingSession}'s subscription to the node's bar feed of its symbol: a stream into the session with
 * backpressure (each bar arrives as {@link BarArrived} and the next one waits for its {@link Ack}), behind a kill
 * switch so the session can leave the feed when it stops or restarts. Used from the session's own thread only.
 */
final class FeedLink {
  private final ActorContext<Command> context;
  private final SessionPlan plan;
  private UniqueKillSwitch running;

  FeedLink(ActorContext<Command> context, SessionPlan plan) {
    this.context = context;
    this.plan = plan;
  }

  /** Materialises one more subscription to the plan's feed, with the session as its sink. */
  void connect() {
    running = plan.feed().bars()
        .viaMat(KillSwitches.single(), Keep.right())
        .to(ActorSink.<Bar, Command, Ack>actorRefWithBackpressure(context.getSelf(), BarArrived::new,
            FeedStarted::new, Ack.INSTANCE, new FeedEnded(null), FeedEnded::new))
        .run(Materializer.createMaterializer(context));
  }

  /** Leaves the feed; does nothing when not connected. */
  void disconnect() {
    if (running != null) {
      running.shutdown();
      running = null;
    }
  }

  /** Logs that the feed completed ({@code failure} null) or failed; the session waits for nothing more from it. */
  void ended(Throwable failure) {
    if (failure != null) {
      context.getLog().error("session {}: the {} feed failed: {}", plan.id(), plan.symbol(), failure.toString());
    } else {
      context.getLog().info("session {}: the {} feed completed", plan.id(), plan.symbol());
    }
  }
}
