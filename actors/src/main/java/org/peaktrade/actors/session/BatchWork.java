package org.peaktrade.actors.session;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.peaktrade.engine.strategy.Direction;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.ClientOrderId;
import org.peaktrade.protocol.Order;

/**
 * The bars one delivery of the feed handed to a {@link TradingSession} (one bar when it keeps up with a live feed,
 * many when it is behind), on their way through its steps: who to acknowledge when all are done, the events the steps
 * produced so far (persisted together when the batch is done, or earlier when something out of band has to be
 * recorded), the strategy's answers, the bar being worked on, its orders still to check with the risk gate and the
 * order with the risk gate now. Transient, never persisted.
 */
final class BatchWork {
  private final List<Bar> bars;
  private final ActorRef<TradingSession.Ack> ackTo;
  private final List<TradingSession.Event> pending = new ArrayList<>();
  private final Deque<Order> orders = new ArrayDeque<>();
  /** The index of the next bar to take. */
  private int next;
  private Bar current;
  /** The strategy was asked about the bars from this index on; -1: no question open. */
  private int askedFrom = -1;
  /** The strategy's answers for the bars from {@code answeredFrom} on. */
  private int answeredFrom;
  private List<Direction> answers = List.of();
  /** Why the strategy had no answer for the bar after the answered ones; null: it did not fail. */
  private String failure;
  private ClientOrderId inFlight;

  BatchWork(List<Bar> bars, ActorRef<TradingSession.Ack> ackTo) {
    this.bars = List.copyOf(bars);
    this.ackTo = ackTo;
  }

  ActorRef<TradingSession.Ack> ackTo() {
    return ackTo;
  }

  Bar last() {
    return bars.get(bars.size() - 1);
  }

  boolean hasNext() {
    return next < bars.size();
  }

  /** Whether the strategy's answer (a position, or its failure) for the next bar is known. */
  boolean nextIsAnswered() {
    int answered = answeredFrom + answers.size() + (failure == null ? 0 : 1);
    return next >= answeredFrom && next < answered;
  }

  /** The bars from the next one on, to ask the strategy about; the question is open until {@link #answered}. */
  List<Bar> ask() {
    askedFrom = next;
    return bars.subList(next, bars.size());
  }

  boolean awaitingStrategy() {
    return askedFrom >= 0;
  }

  /** The first bar of the open question (the one an answer names). */
  Bar askedFirst() {
    return bars.get(askedFrom);
  }

  /** Takes the strategy's answer to the open question; false (and ignored) when it is not about that question. */
  boolean answered(StrategyRunner.Reply reply) {
    if (askedFrom < 0 || !bars.get(askedFrom).equals(reply.first())) {
      return false;
    }
    answeredFrom = askedFrom;
    answers = List.copyOf(reply.wanted().subList(0, Math.min(reply.wanted().size(), bars.size() - askedFrom)));
    failure = reply instanceof StrategyRunner.Failed failed ? failed.error() : null;
    askedFrom = -1;
    return true;
  }

  /** Moves to the next bar (which must be answered) and returns it. */
  Bar take() {
    current = bars.get(next++);
    return current;
  }

  /** The bar taken last: the one whose orders are being checked. */
  Bar current() {
    return current;
  }

  /** The position the strategy wanted on the current bar; null when it failed on it ({@link #failure}). */
  Direction wanted() {
    int index = next - 1 - answeredFrom;
    return index < answers.size() ? answers.get(index) : null;
  }

  /** Why the strategy had no answer for the current bar. */
  String failure() {
    return failure;
  }

  /** Adds events the steps produced, in the order the core produced them. */
  void record(List<TradingSession.Event> events) {
    pending.addAll(events);
  }

  /** The events recorded so far, handed over to be persisted; the batch starts collecting afresh. */
  List<TradingSession.Event> takePending() {
    List<TradingSession.Event> taken = List.copyOf(pending);
    pending.clear();
    return taken;
  }

  /** The open of this batch's first bar processed whose event is not persisted yet; null when none is. */
  Instant firstProcessed() {
    return pending.stream().filter(event -> event instanceof TradingSession.Event.BarProcessed)
        .map(event -> ((TradingSession.Event.BarProcessed) event).bar().openTime()).findFirst().orElse(null);
  }

  /** The opens of this batch's bars the strategy failed on whose events are not persisted yet. */
  List<Instant> failedBars() {
    return pending.stream().filter(event -> event instanceof TradingSession.Event.BarProcessed processed
        && processed.strategyFailure() != null)
        .map(event -> ((TradingSession.Event.BarProcessed) event).bar().openTime()).toList();
  }

  /** The orders of the current bar not yet sent to the risk gate, in the core's order. */
  Deque<Order> orders() {
    return orders;
  }

  /** The order now with the risk gate (null: none): only answers about it count. */
  ClientOrderId inFlight() {
    return inFlight;
  }

  void inFlight(ClientOrderId orderId) {
    this.inFlight = orderId;
  }
}
