package org.peaktrade.engine.session;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.peaktrade.engine.execution.BarFillModel;
import org.peaktrade.engine.execution.ParticipationLimit;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.ClientOrderId;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.Instrument;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.OrderEvent;
import org.peaktrade.protocol.OrderType;
import org.peaktrade.protocol.Quantity;

/**
 * The simulated exchange of SHADOW and PAPER sessions, for one instrument. A submitted order is accepted at once and
 * rests; every later bar is offered to the resting orders in submission order, and prices, fees and liquidity come
 * from the backtest's {@link BarFillModel}, so an order fills here exactly as it would in a backtest. An order never
 * fills on a bar the venue had already seen when it was submitted: the session must hand every bar to
 * {@link #onBar} before its strategy sees it (as the backtest does). A bar that is not newer than the last one is
 * ignored.
 *
 * <p>Expiry follows the backtest: after each bar an order rests through without completing, it has waited one more
 * bar, and at {@link Order#expiresAfterBars()} (if positive) its remainder expires, stamped with the bar's close.
 *
 * <p>With a {@link ParticipationLimit} the orders together fill at most that share of each bar's volume, rounded down
 * to the lot (a part below the minimum order size does not fill; a remainder within the budget always does); the
 * rest keeps resting. A stop that has triggered keeps working as a market order for its remainder.
 */
public final class PaperVenue {
  private final BarFillModel model;
  private final ParticipationLimit participation;
  private final List<Resting> resting = new ArrayList<>();
  private Instant lastBarOpen;

  public PaperVenue(BarFillModel model, ParticipationLimit participation) {
    this.model = Objects.requireNonNull(model, "fill model");
    this.participation = Objects.requireNonNull(participation, "participation limit");
  }

  /** Accepts the order (it rests from now on), or rejects one for another symbol or with an id already resting. */
  public OrderEvent submit(Order order, Instant at) {
    Instrument instrument = model.instrument();
    if (!order.symbol().equals(instrument.symbol())) {
      return new OrderEvent.Rejected(order.id(), "this paper venue trades " + instrument.symbol() + " only", at);
    }
    if (find(order.id()).isPresent()) {
      return new OrderEvent.Rejected(order.id(), "an order with this id is already resting", at);
    }
    resting.add(new Resting(order));
    return new OrderEvent.Accepted(order.id(), at);
  }

  /** Withdraws a resting order; empty when it is not resting (already filled, expired or never submitted). */
  public Optional<OrderEvent.Canceled> cancel(ClientOrderId id, String reason, Instant at) {
    return find(id).map(r -> {
      resting.remove(r);
      return new OrderEvent.Canceled(id, reason, at);
    });
  }

  /** Offers a new bar to the resting orders; answers their fills and expiries in order. */
  public List<OrderEvent> onBar(Bar bar) {
    if (!bar.symbol().equals(model.instrument().symbol())) {
      throw new IllegalArgumentException("paper venue for " + model.instrument().symbol() + " got a bar of "
          + bar.symbol());
    }
    if (lastBarOpen != null && !bar.openTime().isAfter(lastBarOpen)) {
      return List.of();
    }
    lastBarOpen = bar.openTime();
    if (resting.isEmpty()) {
      return List.of();
    }
    Budget budget = participation instanceof ParticipationLimit.Unlimited ? Budget.UNLIMITED
        : new Budget(participation.budget(bar).orElse(null));
    List<OrderEvent> events = new ArrayList<>();
    for (Iterator<Resting> it = resting.iterator(); it.hasNext(); ) {
      Resting r = it.next();
      Optional<Fill> fill = tryFill(r, bar, budget);
      fill.ifPresent(f -> events.add(new OrderEvent.Filled(f)));
      if (r.remaining.isZero()) {
        it.remove();
      } else if (r.order.expiresAfterBars() > 0 && ++r.barsWaited >= r.order.expiresAfterBars()) {
        events.add(new OrderEvent.Expired(r.order.id(), bar.closeTime()));
        it.remove();
      }
    }
    return List.copyOf(events);
  }

  /**
   * Recovery of a venue from its recorded events (a session rebuilding its state from its journal): {@code fill}
   * happened to a resting order, which keeps resting with the rest (a triggered stop as a market order).
   */
  public void recoverFill(Fill fill) {
    find(fill.orderId()).ifPresent(r -> {
      r.remaining = r.remaining.minus(fill.quantity());
      if (r.working.type() == OrderType.STOP) {
        r.working = Order.market(r.order.id(), r.order.symbol(), r.order.side(), r.order.quantity(),
            r.order.createdAt());
      }
      if (r.remaining.isZero()) {
        resting.remove(r);
      }
    });
  }

  /** Recovery: the order stopped resting (canceled, expired or rejected); nothing when it was not resting. */
  public void recoverEnded(ClientOrderId id) {
    find(id).ifPresent(resting::remove);
  }

  /**
   * Recovery: {@code bar} was offered and what it did was recovered already; every order still resting waited one
   * more bar, and the venue will not take a bar that is not newer.
   */
  public void recoverBar(Bar bar) {
    lastBarOpen = bar.openTime();
    resting.forEach(r -> r.barsWaited++);
  }

  /** The orders resting now, in submission order, as they were submitted. */
  public List<Order> resting() {
    if (resting.isEmpty()) {
      return List.of();
    }
    List<Order> orders = new ArrayList<>(resting.size());
    for (Resting r : resting) {
      orders.add(r.order);
    }
    return orders;
  }

  /** Whether the order {@code id} rests here now. */
  public boolean rests(ClientOrderId id) {
    return find(id).isPresent();
  }

  private Optional<Fill> tryFill(Resting r, Bar bar, Budget budget) {
    Optional<Fill> whole = model.tryFill(sized(r.working, r.remaining), bar);
    if (whole.isEmpty()) {
      return whole;
    }
    Optional<Fill> fill = budget.allows(r.remaining) ? whole : partial(r, bar, budget);
    if (r.working.type() == OrderType.STOP) {
      r.working = Order.market(r.order.id(), r.order.symbol(), r.order.side(), r.order.quantity(),
          r.order.createdAt());
    }
    if (fill.isPresent()) {
      Quantity filled = fill.get().quantity();
      budget.take(filled);
      r.remaining = filled.equals(r.remaining) ? Quantity.ZERO : r.remaining.minus(filled);
    }
    return fill;
  }

  private Optional<Fill> partial(Resting r, Bar bar, Budget budget) {
    Quantity part = model.instrument().roundQuantityDown(budget.left);
    return part.isZero() ? Optional.empty() : model.tryFill(sized(r.working, part), bar);
  }

  private static Order sized(Order order, Quantity quantity) {
    return quantity.equals(order.quantity()) ? order : new Order(order.id(), order.symbol(), order.side(), quantity,
        order.type(), order.price(), order.createdAt(), order.expiresAfterBars());
  }

  private Optional<Resting> find(ClientOrderId id) {
    for (Resting r : resting) {
      if (r.order.id().equals(id)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** What is left of a bar's participation budget; {@code left} null means unlimited (and never changes). */
  private static final class Budget {
    static final Budget UNLIMITED = new Budget(null);
    BigDecimal left;

    Budget(BigDecimal left) {
      this.left = left;
    }

    boolean allows(Quantity quantity) {
      return left == null || quantity.value().compareTo(left) <= 0;
    }

    void take(Quantity quantity) {
      if (left != null) {
        left = left.subtract(quantity.value());
      }
    }
  }

  private static final class Resting {
    final Order order;
    Order working;
    Quantity remaining;
    int barsWaited;

    Resting(Order order) {
      this.order = order;
      this.working = order;
      this.remaining = order.quantity();
    }
  }
}
