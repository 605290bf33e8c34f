package org.peaktrade.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything that happens to one order, in past tense: what a session persists and replays to rebuild its open
 * orders. Each event names its order and the time it happened ({@code at}; for a fill, the fill's own time).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = OrderEvent.Placed.class, name = "placed"),
    @JsonSubTypes.Type(value = OrderEvent.Accepted.class, name = "accepted"),
    @JsonSubTypes.Type(value = OrderEvent.Rejected.class, name = "rejected"),
    @JsonSubTypes.Type(value = OrderEvent.Filled.class, name = "filled"),
    @JsonSubTypes.Type(value = OrderEvent.Canceled.class, name = "canceled"),
    @JsonSubTypes.Type(value = OrderEvent.Expired.class, name = "expired"),
    @JsonSubTypes.Type(value = OrderEvent.Unanswered.class, name = "unanswered")})
public sealed interface OrderEvent extends CborSerializable {

  ClientOrderId orderId();

  Instant at();

  /** The session decided on the order; it is NEW until the venue answers. */
  record Placed(Order order) implements OrderEvent {
    public Placed {
      Objects.requireNonNull(order, "order");
    }

    @Override
    public ClientOrderId orderId() {
      return order.id();
    }

    @Override
    public Instant at() {
      return order.createdAt();
    }
  }

  /** The venue acknowledged the order; it now rests until filled, canceled or expired. */
  record Accepted(ClientOrderId orderId, Instant at) implements OrderEvent {
    public Accepted {
      Objects.requireNonNull(orderId, "order id");
      Objects.requireNonNull(at, "at");
    }
  }

  /** The venue refused the order before accepting it. */
  record Rejected(ClientOrderId orderId, String reason, Instant at) implements OrderEvent {
    public Rejected {
      Objects.requireNonNull(orderId, "order id");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(at, "at");
    }
  }

  /** Part or all of the order executed. */
  record Filled(Fill fill) implements OrderEvent {
    public Filled {
      Objects.requireNonNull(fill, "fill");
    }

    @Override
    public ClientOrderId orderId() {
      return fill.orderId();
    }

    @Override
    public Instant at() {
      return fill.time();
    }
  }

  /** We withdrew the order (target changed, session stopped, kill switch); fills before it stand. */
  record Canceled(ClientOrderId orderId, String reason, Instant at) implements OrderEvent {
    public Canceled {
      Objects.requireNonNull(orderId, "order id");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(at, "at");
    }
  }

  /** The order rested for {@link Order#expiresAfterBars()} bars without completing; fills before it stand. */
  record Expired(ClientOrderId orderId, Instant at) implements OrderEvent {
    public Expired {
      Objects.requireNonNull(orderId, "order id");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * The order was handed to the executor, which did not answer within the wait: it may be resting, filled or
   * rejected there. The order is UNKNOWN until the executor's answer to a query (or an acceptance, fill or cancel
   * that arrives meanwhile) says which.
   */
  record Unanswered(ClientOrderId orderId, String reason, Instant at) implements OrderEvent {
    public Unanswered {
      Objects.requireNonNull(orderId, "order id");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(at, "at");
    }
  }
}
