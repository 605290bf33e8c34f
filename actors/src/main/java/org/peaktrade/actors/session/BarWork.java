package org.peaktrade.actors.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.ClientOrderId;
import org.peaktrade.protocol.Order;

/**
 * One bar on its way through a {@link TradingSession}'s steps: who to acknowledge when it is done, the events its
 * steps produced so far (persisted together when the bar is done, or earlier when something out of band has to be
 * recorded), the orders still to check with the risk gate, the order with the risk gate now, and whether the
 * strategy's answer is awaited. Transient, never persisted.
 */
final class BarWork {
  private final Bar bar;
  private final ActorRef<TradingSession.Ack> ackTo;
  private final List<TradingSession.Event> pending = new ArrayList<>();
  private final Deque<Order> orders = new ArrayDeque<>();
  private boolean awaitingStrategy;
  private ClientOrderId inFlight;

  BarWork(Bar bar, ActorRef<TradingSession.Ack> ackTo) {
    this.bar = bar;
    this.ackTo = ackTo;
  }

  Bar bar() {
    return bar;
  }

  ActorRef<TradingSession.Ack> ackTo() {
    return ackTo;
  }

  /** Adds events this bar's steps produced, in the order the core produced them. */
  void record(List<TradingSession.Event> events) {
    pending.addAll(events);
  }

  /** The events recorded so far, handed over to be persisted; the bar starts collecting afresh. */
  List<TradingSession.Event> takePending() {
    List<TradingSession.Event> taken = List.copyOf(pending);
    pending.clear();
    return taken;
  }

  /** The orders of this bar not yet sent to the risk gate, in the pipeline's order. */
  Deque<Order> orders() {
    return orders;
  }

  boolean awaitingStrategy() {
    return awaitingStrategy;
  }

  void awaitingStrategy(boolean awaiting) {
    this.awaitingStrategy = awaiting;
  }

  /** The order now with the risk gate (null: none): only answers about it count. */
  ClientOrderId inFlight() {
    return inFlight;
  }

  void inFlight(ClientOrderId orderId) {
    this.inFlight = orderId;
  }
}
