package org.peaktrade.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.engine.fixtures.Bars.T0;
import static org.peaktrade.engine.fixtures.Orders.fill;
import static org.peaktrade.engine.fixtures.Orders.limit;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.OrderEvent;
import org.peaktrade.protocol.OrderStatus;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Side;

/** Every order event from every status: the whole lifecycle table. */
class OrderStateTest {
  private static final Order ORDER = limit(1, Side.BUY, "3", "100", 0);
  private static final Instant LATER = T0.plusSeconds(60);

  enum Kind { PLACE, ACCEPT, REJECT, UNANSWER, FILL_PART, FILL_REST, OVERFILL, CANCEL, EXPIRE }

  @ParameterizedTest(name = "{0} + {1} -> {2}")
  @CsvSource(textBlock = """
      NEW,              PLACE,     DUPLICATE_ORDER
      NEW,              ACCEPT,    ACCEPTED
      NEW,              REJECT,    REJECTED
      NEW,              UNANSWER,  UNKNOWN
      NEW,              FILL_PART, NOT_ACCEPTED
      NEW,              FILL_REST, NOT_ACCEPTED
      NEW,              OVERFILL,  NOT_ACCEPTED
      NEW,              CANCEL,    CANCELED
      NEW,              EXPIRE,    NOT_ACCEPTED
      UNKNOWN,          PLACE,     DUPLICATE_ORDER
      UNKNOWN,          ACCEPT,    ACCEPTED
      UNKNOWN,          REJECT,    REJECTED
      UNKNOWN,          UNANSWER,  ALREADY_UNKNOWN
      UNKNOWN,          FILL_PART, PARTIALLY_FILLED
      UNKNOWN,          FILL_REST, FILLED
      UNKNOWN,          OVERFILL,  OVERFILL
      UNKNOWN,          CANCEL,    CANCELED
      UNKNOWN,          EXPIRE,    EXPIRED
      ACCEPTED,         PLACE,     DUPLICATE_ORDER
      ACCEPTED,         ACCEPT,    ALREADY_ACCEPTED
      ACCEPTED,         REJECT,    ALREADY_ACCEPTED
      ACCEPTED,         UNANSWER,  ALREADY_ACCEPTED
      ACCEPTED,         FILL_PART, PARTIALLY_FILLED
      ACCEPTED,         FILL_REST, FILLED
      ACCEPTED,         OVERFILL,  OVERFILL
      ACCEPTED,         CANCEL,    CANCELED
      ACCEPTED,         EXPIRE,    EXPIRED
      PARTIALLY_FILLED, PLACE,     DUPLICATE_ORDER
      PARTIALLY_FILLED, ACCEPT,    ALREADY_ACCEPTED
      PARTIALLY_FILLED, REJECT,    ALREADY_ACCEPTED
      PARTIALLY_FILLED, UNANSWER,  ALREADY_ACCEPTED
      PARTIALLY_FILLED, FILL_PART, PARTIALLY_FILLED
      PARTIALLY_FILLED, FILL_REST, FILLED
      PARTIALLY_FILLED, OVERFILL,  OVERFILL
      PARTIALLY_FILLED, CANCEL,    CANCELED
      PARTIALLY_FILLED, EXPIRE,    EXPIRED
      FILLED,           PLACE,     DUPLICATE_ORDER
      FILLED,           ACCEPT,    ALREADY_CLOSED
      FILLED,           REJECT,    ALREADY_CLOSED
      FILLED,           UNANSWER,  ALREADY_CLOSED
      FILLED,           FILL_PART, ALREADY_CLOSED
      FILLED,           FILL_REST, ALREADY_CLOSED
      FILLED,           OVERFILL,  ALREADY_CLOSED
      FILLED,           CANCEL,    ALREADY_CLOSED
      FILLED,           EXPIRE,    ALREADY_CLOSED
      CANCELED,         PLACE,     DUPLICATE_ORDER
      CANCELED,         ACCEPT,    ALREADY_CLOSED
      CANCELED,         REJECT,    ALREADY_CLOSED
      CANCELED,         UNANSWER,  ALREADY_CLOSED
      CANCELED,         FILL_PART, ALREADY_CLOSED
      CANCELED,         FILL_REST, ALREADY_CLOSED
      CANCELED,         OVERFILL,  ALREADY_CLOSED
      CANCELED,         CANCEL,    ALREADY_CLOSED
      CANCELED,         EXPIRE,    ALREADY_CLOSED
      REJECTED,         PLACE,     DUPLICATE_ORDER
      REJECTED,         ACCEPT,    ALREADY_CLOSED
      REJECTED,         REJECT,    ALREADY_CLOSED
      REJECTED,         UNANSWER,  ALREADY_CLOSED
      REJECTED,         FILL_PART, ALREADY_CLOSED
      REJECTED,         FILL_REST, ALREADY_CLOSED
      REJECTED,         OVERFILL,  ALREADY_CLOSED
      REJECTED,         CANCEL,    ALREADY_CLOSED
      REJECTED,         EXPIRE,    ALREADY_CLOSED
      EXPIRED,          PLACE,     DUPLICATE_ORDER
      EXPIRED,          ACCEPT,    ALREADY_CLOSED
      EXPIRED,          REJECT,    ALREADY_CLOSED
      EXPIRED,          UNANSWER,  ALREADY_CLOSED
      EXPIRED,          FILL_PART, ALREADY_CLOSED
      EXPIRED,          FILL_REST, ALREADY_CLOSED
      EXPIRED,          OVERFILL,  ALREADY_CLOSED
      EXPIRED,          CANCEL,    ALREADY_CLOSED
      EXPIRED,          EXPIRE,    ALREADY_CLOSED
      """)
  void everyEventFromEveryStatusMovesTheOrderOrIsRefusedByName(OrderStatus from, Kind kind, String expected) {
    OrderState state = in(from);
    OrderEvent event = event(kind, state);

    Transition transition = state.apply(event);

    if (isStatus(expected)) {
      assertThat(transition).isInstanceOfSatisfying(Transition.Applied.class, applied -> {
        assertThat(applied.from()).isEqualTo(from);
        assertThat(applied.to()).isEqualTo(OrderStatus.valueOf(expected));
        assertThat(applied.state().updatedAt()).isEqualTo(LATER);
      });
    } else {
      assertThat(transition).isInstanceOfSatisfying(Transition.Refused.class, refused -> {
        assertThat(refused.refusal()).isEqualTo(LifecycleRefusal.valueOf(expected));
        assertThat(refused.status()).isEqualTo(from);
        assertThat(refused.detail()).contains(ORDER.id().value());
      });
    }
  }

  private static boolean isStatus(String name) {
    for (OrderStatus status : OrderStatus.values()) {
      if (status.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** The order driven into {@code status} by legal events at {@link #T0}. */
  static OrderState in(OrderStatus status) {
    OrderState state = OrderState.placed(ORDER);
    return switch (status) {
      case NEW -> state;
      case UNKNOWN -> step(state, new OrderEvent.Unanswered(ORDER.id(), "no answer in 3s", T0));
      case ACCEPTED -> step(state, new OrderEvent.Accepted(ORDER.id(), T0));
      case PARTIALLY_FILLED -> step(in(OrderStatus.ACCEPTED), filled("1"));
      case FILLED -> step(in(OrderStatus.ACCEPTED), filled("3"));
      case CANCELED -> step(in(OrderStatus.ACCEPTED), new OrderEvent.Canceled(ORDER.id(), "target changed", T0));
      case REJECTED -> step(state, new OrderEvent.Rejected(ORDER.id(), "insufficient funds", T0));
      case EXPIRED -> step(in(OrderStatus.ACCEPTED), new OrderEvent.Expired(ORDER.id(), T0));
    };
  }

  private static OrderState step(OrderState state, OrderEvent event) {
    return ((Transition.Applied) state.apply(event)).state();
  }

  private static OrderEvent.Filled filled(String quantity) {
    return new OrderEvent.Filled(fill(ORDER, quantity, "100", "0", T0));
  }

  private static OrderEvent event(Kind kind, OrderState state) {
    Quantity open = state.remaining().isZero() ? Quantity.of("1") : state.remaining();
    return switch (kind) {
      case PLACE -> new OrderEvent.Placed(ORDER);
      case ACCEPT -> new OrderEvent.Accepted(ORDER.id(), LATER);
      case REJECT -> new OrderEvent.Rejected(ORDER.id(), "venue closed", LATER);
      case UNANSWER -> new OrderEvent.Unanswered(ORDER.id(), "no answer in 3s", LATER);
      case FILL_PART -> new OrderEvent.Filled(fill(ORDER, "1", "101", "0.1", LATER));
      case FILL_REST -> new OrderEvent.Filled(fill(ORDER, open.toString(), "101", "0.1", LATER));
      case OVERFILL -> new OrderEvent.Filled(fill(ORDER, open.plus(Quantity.of("1")).toString(), "101", "0.1",
          LATER));
      case CANCEL -> new OrderEvent.Canceled(ORDER.id(), "target changed", LATER);
      case EXPIRE -> new OrderEvent.Expired(ORDER.id(), LATER);
    };
  }
}
