package org.peaktrade.actors.session;

import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.pekko.actor.typed.ActorRef;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.ClientOrderId;
import org.peaktrade.protocol.Order;

/**
 * One bar on its way through a {@link TradingSession}'s steps: who to acknowledge when it is done, the orders still to
 * check and submit, the order being checked or submitted now, whether the strategy's answer is awaited, and whether
 * the risk gate has been told the bar's price and the account. Transient, never persisted.
 */
final class BarWork {
  private final Bar bar;
  private final ActorRef<TradingSession.Ack> ackTo;
  private final Deque<Order> orders = new ArrayDeque<>();
  private boolean awaitingStrategy;
  private boolean riskInformed;
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

  boolean riskInformed() {
    return riskInformed;
  }

  void riskInformed(boolean informed) {
    this.riskInformed = informed;
  }

  /** The order now with the risk gate or the executor (null: none): only answers about it count. */
  ClientOrderId inFlight() {
    return inFlight;
  }

  void inFlight(ClientOrderId orderId) {
    this.inFlight = orderId;
  }
}
