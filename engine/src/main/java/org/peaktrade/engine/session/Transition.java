package org.peaktrade.engine.session;

import java.util.Objects;
import org.peaktrade.protocol.OrderEvent;
import org.peaktrade.protocol.OrderStatus;

/** The outcome of one order event: applied (with the status before and the state after) or refused with a reason. */
public sealed interface Transition {

  OrderEvent event();

  /** {@code from} is null for {@link OrderEvent.Placed}: the order did not exist before. */
  record Applied(OrderEvent event, OrderStatus from, OrderState state) implements Transition {
    public Applied {
      Objects.requireNonNull(event, "event");
      Objects.requireNonNull(state, "state");
    }

    public OrderStatus to() {
      return state.status();
    }
  }

  /** {@code status} is the order's unchanged status, null when the order is unknown. */
  record Refused(OrderEvent event, OrderStatus status, LifecycleRefusal refusal, String detail)
      implements Transition {
    public Refused {
      Objects.requireNonNull(event, "event");
      Objects.requireNonNull(refusal, "refusal");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
