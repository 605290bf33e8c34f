package org.peaktrade.actors.session;

import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.pekko.actor.typed.ActorRef;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.ClientOrderId;

/**
 * The bars of a {@link TradingSession} in flight: at most one is being processed ({@link BarWork}); bars that arrive
 * meanwhile wait in arrival order, and as each finishes the next one is sent to the session again. Transient, never
 * persisted: a restarted session starts with an empty queue and the feed resends what was not acknowledged.
 */
final class BarQueue {
  private final ActorRef<TradingSession.Command> session;
  private BarWork current;
  private final Deque<TradingSession.BarArrived> waiting = new ArrayDeque<>();

  BarQueue(ActorRef<TradingSession.Command> session) {
    this.session = session;
  }

  /** Whether a bar is being processed; a bar arriving now has to {@link #park} until it is done. */
  boolean busy() {
    return current != null;
  }

  void park(TradingSession.BarArrived arrived) {
    waiting.addLast(arrived);
  }

  BarWork start(Bar bar, ActorRef<TradingSession.Ack> ackTo) {
    current = new BarWork(bar, ackTo);
    return current;
  }

  /** The bar being processed, or null. */
  BarWork current() {
    return current;
  }

  /** Whether {@code bar} is the one being processed (an answer about any other one is late and ignored). */
  boolean isCurrent(Bar bar) {
    return current != null && current.bar().equals(bar);
  }

  /** Acknowledges the bar being processed to the feed and sends the next bar waiting, if any, to the session. */
  void finish() {
    BarWork done = current;
    current = null;
    done.ackTo().tell(TradingSession.Ack.INSTANCE);
    TradingSession.BarArrived next = waiting.pollFirst();
    if (next != null) {
      session.tell(next);
    }
  }

  /**
   * Whether {@code orderId} is the order of the current bar now with the risk gate; an answer about any other order
   * (one asked about before a restart of the session, after which it was read back from the journal) is stale and
   * ignored.
   */
  boolean isInFlight(ClientOrderId orderId) {
    return current != null && orderId.equals(current.inFlight());
  }

  void clear() {
    current = null;
    waiting.clear();
  }
}
