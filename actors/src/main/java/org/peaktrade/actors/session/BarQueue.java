package org.peaktrade.actors.session;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.ClientOrderId;

/**
 * The bars of a {@link TradingSession} in flight: at most one delivery is being processed ({@link BatchWork});
 * deliveries that arrive meanwhile wait in arrival order, and as each finishes the next one is sent to the session
 * again. Transient, never persisted: a restarted session starts with an empty queue and the feed resends what was not
 * acknowledged.
 */
final class BarQueue {
  private final ActorRef<TradingSession.Command> session;
  private BatchWork current;
  private final Deque<TradingSession.BarsArrived> waiting = new ArrayDeque<>();

  BarQueue(ActorRef<TradingSession.Command> session) {
    this.session = session;
  }

  /** Whether a delivery is being processed; one arriving now has to {@link #park} until it is done. */
  boolean busy() {
    return current != null;
  }

  void park(TradingSession.BarsArrived arrived) {
    waiting.addLast(arrived);
  }

  BatchWork start(List<Bar> bars, ActorRef<TradingSession.Ack> ackTo) {
    current = new BatchWork(bars, ackTo);
    return current;
  }

  /** The delivery being processed, or null. */
  BatchWork current() {
    return current;
  }

  /** Acknowledges the delivery being processed to the feed and sends the next one waiting, if any, to the session. */
  void finish() {
    BatchWork done = current;
    current = null;
    done.ackTo().tell(TradingSession.Ack.INSTANCE);
    TradingSession.BarsArrived next = waiting.pollFirst();
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
