package org.peaktrade.actors.session;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.peaktrade.actors.session.TradingSession.Command;
import org.peaktrade.actors.session.TradingSession.ResolveOrder;
import org.peaktrade.engine.retry.Backoff;
import org.peaktrade.protocol.ClientOrderId;

/**
 * When a {@link TradingSession} asks its executor about an UNKNOWN order: at once when the order becomes UNKNOWN
 * (or the session recovers with it), and again after each query that got no answer, with exponential backoff from
 * the ask timeout up to {@link #MAX_BACKOFF}, jittered. It never gives up: an order stays UNKNOWN (and blocks new
 * orders of its session) until the executor answers. One keyed timer per order.
 */
final class UnknownOrders {
  static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private final String sessionId;
  private final Backoff backoff;

  UnknownOrders(ActorContext<Command> context, TimerScheduler<Command> timers, String sessionId,
      Duration askTimeout) {
    this.context = context;
    this.timers = timers;
    this.sessionId = sessionId;
    this.backoff = new Backoff(askTimeout, MAX_BACKOFF.compareTo(askTimeout) < 0 ? askTimeout : MAX_BACKOFF, 0.2);
  }

  /** Asks about {@code orderId} now (first attempt). */
  void resolve(ClientOrderId orderId) {
    context.getLog().warn("session {}: order {} is UNKNOWN (the executor did not answer in time); asking it",
        sessionId, orderId);
    context.getSelf().tell(new ResolveOrder(orderId, 1));
  }

  /** The query {@code attempt} got no answer: asks again after the backoff. */
  void retryLater(ClientOrderId orderId, int attempt, Throwable failure) {
    Duration delay = backoff.delay(attempt, ThreadLocalRandom.current().nextDouble());
    context.getLog().warn("session {}: order {} still UNKNOWN, the executor did not answer query {} ({}); asking "
        + "again in {}", sessionId, orderId, attempt, failure.toString(), delay);
    timers.startSingleTimer("resolve-" + orderId.value(), new ResolveOrder(orderId, attempt + 1), delay);
  }
}
