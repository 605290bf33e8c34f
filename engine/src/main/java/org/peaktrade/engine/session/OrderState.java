package org.peaktrade.engine.session;

import java.math.MathContext;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.OrderEvent;
import org.peaktrade.protocol.OrderStatus;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;

/**
 * One order and what has happened to it: its status, the exact quantity, notional and fees filled so far, and the
 * time of its last event. Immutable; {@link #apply} validates an event against the lifecycle
 * <pre>
 *   NEW ──► ACCEPTED ──► PARTIALLY_FILLED ──► FILLED
 *    │         │                 │
 *    │         ├─────────────────┴──► CANCELED / EXPIRED
 *    ├──► REJECTED
 *    ├──► CANCELED
 *    └──► UNKNOWN ──► ACCEPTED / REJECTED / CANCELED, or PARTIALLY_FILLED / FILLED / EXPIRED
 * </pre>
 * and answers the state after it or a named refusal. UNKNOWN ({@link OrderEvent.Unanswered}) is an order the executor
 * did not answer about in time: it may be resting, so whatever the executor reports next is applied as if it had
 * been accepted (a fill is booked, never refused as not accepted). A fill may not exceed the open quantity; a fill
 * that completes the order makes it FILLED, a smaller one PARTIALLY_FILLED. Terminal states accept no event.
 */
public record OrderState(
    Order order, OrderStatus status, Quantity filledQuantity, Money filledNotional, Money fees, Instant updatedAt) {

  public OrderState {
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(filledQuantity, "filled quantity");
    Objects.requireNonNull(filledNotional, "filled notional");
    Objects.requireNonNull(fees, "fees");
    Objects.requireNonNull(updatedAt, "updated at");
    if (filledQuantity.compareTo(order.quantity()) > 0) {
      throw new IllegalArgumentException("order " + order.id() + " filled " + filledQuantity + " of "
          + order.quantity());
    }
  }

  /** A just-placed order: NEW, nothing filled. */
  public static OrderState placed(Order order) {
    return new OrderState(order, OrderStatus.NEW, Quantity.ZERO, Money.ZERO, Money.ZERO, order.createdAt());
  }

  public Quantity remaining() {
    return order.quantity().minus(filledQuantity);
  }

  /**
   * The volume-weighted average fill price, empty before the first fill. {@link #filledQuantity()} and
   * {@link #filledNotional()} are the exact record; the quotient is exact whenever it has at most 34 significant
   * digits, and rounded half-even to 34 digits otherwise (e.g. 1 at 100 and 2 at 101 average 100.666…).
   */
  public Optional<Price> averageFillPrice() {
    if (filledQuantity.isZero()) {
      return Optional.empty();
    }
    return Optional.of(new Price(filledNotional.amount().divide(filledQuantity.value(), MathContext.DECIMAL128)));
  }

  /** The state after {@code event}, or why it is refused. */
  public Transition apply(OrderEvent event) {
    if (!event.orderId().equals(order.id())) {
      return refuse(event, LifecycleRefusal.MISMATCH, "event for " + event.orderId() + " given to order " + order.id());
    }
    if (event instanceof OrderEvent.Placed) {
      return refuse(event, LifecycleRefusal.DUPLICATE_ORDER, "order " + order.id() + " was already placed");
    }
    if (status.isTerminal()) {
      return refuse(event, LifecycleRefusal.ALREADY_CLOSED,
          describe(event) + " of " + order.id() + " refused: the order is " + status);
    }
    if (event instanceof OrderEvent.Unanswered) {
      return status == OrderStatus.NEW ? to(event, OrderStatus.UNKNOWN)
          : refuse(event, status == OrderStatus.UNKNOWN ? LifecycleRefusal.ALREADY_UNKNOWN
              : LifecycleRefusal.ALREADY_ACCEPTED,
              describe(event) + " of " + order.id() + " refused: the order is already " + status);
    }
    if (event instanceof OrderEvent.Accepted || event instanceof OrderEvent.Rejected) {
      return status == OrderStatus.NEW || status == OrderStatus.UNKNOWN
          ? to(event, event instanceof OrderEvent.Accepted ? OrderStatus.ACCEPTED : OrderStatus.REJECTED)
          : refuse(event, LifecycleRefusal.ALREADY_ACCEPTED,
              describe(event) + " of " + order.id() + " refused: the order is already " + status);
    }
    if (event instanceof OrderEvent.Canceled) {
      return to(event, OrderStatus.CANCELED);
    }
    if (status == OrderStatus.NEW) {
      return refuse(event, LifecycleRefusal.NOT_ACCEPTED,
          describe(event) + " of " + order.id() + " refused: the venue has not accepted it");
    }
    if (event instanceof OrderEvent.Filled filled) {
      return fill(filled);
    }
    return to(event, OrderStatus.EXPIRED);
  }

  private Transition fill(OrderEvent.Filled event) {
    Fill fill = event.fill();
    if (!fill.symbol().equals(order.symbol()) || fill.side() != order.side()) {
      return refuse(event, LifecycleRefusal.MISMATCH, "fill " + fill.side() + " " + fill.symbol() + " does not match "
          + order.id() + " (" + order.side() + " " + order.symbol() + ")");
    }
    if (fill.quantity().compareTo(remaining()) > 0) {
      return refuse(event, LifecycleRefusal.OVERFILL, "fill of " + fill.quantity() + " exceeds the " + remaining()
          + " still open of " + order.id());
    }
    Quantity filled = filledQuantity.plus(fill.quantity());
    OrderStatus next = filled.compareTo(order.quantity()) == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
    return new Transition.Applied(event, status, new OrderState(order, next, filled,
        filledNotional.plus(fill.notional()), fees.plus(fill.fee()), fill.time()));
  }

  private Transition to(OrderEvent event, OrderStatus next) {
    return new Transition.Applied(event, status,
        new OrderState(order, next, filledQuantity, filledNotional, fees, event.at()));
  }

  private Transition refuse(OrderEvent event, LifecycleRefusal refusal, String detail) {
    return new Transition.Refused(event, status, refusal, detail);
  }

  static String describe(OrderEvent event) {
    if (event instanceof OrderEvent.Placed) {
      return "placement";
    }
    if (event instanceof OrderEvent.Accepted) {
      return "acceptance";
    }
    if (event instanceof OrderEvent.Rejected) {
      return "rejection";
    }
    if (event instanceof OrderEvent.Filled) {
      return "fill";
    }
    if (event instanceof OrderEvent.Unanswered) {
      return "unanswered submission";
    }
    return event instanceof OrderEvent.Canceled ? "cancel" : "expiry";
  }
}
