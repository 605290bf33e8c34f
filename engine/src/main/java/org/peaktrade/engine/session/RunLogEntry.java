package org.peaktrade.engine.session;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.peaktrade.engine.strategy.Direction;
import org.peaktrade.protocol.ClientOrderId;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.Liquidity;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.OrderEvent;
import org.peaktrade.protocol.OrderStatus;
import org.peaktrade.protocol.OrderType;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Side;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.risk.RiskCheck;
import org.peaktrade.protocol.risk.RiskDecision;
import org.peaktrade.protocol.risk.RiskSeverity;
import org.peaktrade.protocol.session.SessionStatus;

/**
 * One line of a session's append-only run log (JSON Lines, written by {@link RunLogJson}). Every line has
 * {@code type}, {@code session} and {@code at} (when the session recorded it) first, then the fields of its type
 * in a fixed order; absent values are written as {@code null}, so every line of a type has the same keys. The
 * entries copy what they need from the protocol types instead of embedding them, so the log's shape changes only
 * when these records do.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = RunLogEntry.DecisionEntry.class, name = "decision"),
    @JsonSubTypes.Type(value = RunLogEntry.OrderEntry.class, name = "order"),
    @JsonSubTypes.Type(value = RunLogEntry.RiskEntry.class, name = "risk"),
    @JsonSubTypes.Type(value = RunLogEntry.FillEntry.class, name = "fill"),
    @JsonSubTypes.Type(value = RunLogEntry.TransitionEntry.class, name = "transition"),
    @JsonSubTypes.Type(value = RunLogEntry.StatusEntry.class, name = "status")})
public sealed interface RunLogEntry {

  String session();

  Instant at();

  /**
   * The strategy answered {@code wanted} on the bar that closed at {@code barClose}; the pipeline made it the
   * effective {@code target} (SHORT becomes FLAT where shorting is not allowed) and created {@code orders}.
   */
  @JsonPropertyOrder({"session", "at", "barClose", "wanted", "target", "reference", "orders"})
  record DecisionEntry(String session, Instant at, Instant barClose, Direction wanted, Direction target,
      Price reference, List<ClientOrderId> orders) implements RunLogEntry {
    public DecisionEntry {
      requireHeader(session, at);
      orders = List.copyOf(orders);
    }
  }

  /** An order as the pipeline created it; {@code price} is null for MARKET. */
  @JsonPropertyOrder({"session", "at", "orderId", "symbol", "side", "orderType", "quantity", "price", "createdAt",
      "expiresAfterBars"})
  record OrderEntry(String session, Instant at, ClientOrderId orderId, Symbol symbol, Side side, OrderType orderType,
      Quantity quantity, Price price, Instant createdAt, int expiresAfterBars) implements RunLogEntry {
    public OrderEntry {
      requireHeader(session, at);
    }

    public static OrderEntry of(String session, Instant at, Order order) {
      return new OrderEntry(session, at, order.id(), order.symbol(), order.side(), order.type(), order.quantity(),
          order.price(), order.createdAt(), order.expiresAfterBars());
    }
  }

  /** The pre-trade risk result for one order, with every violation. */
  @JsonPropertyOrder({"session", "at", "orderId", "severity", "allowed", "violations"})
  record RiskEntry(String session, Instant at, ClientOrderId orderId, RiskSeverity severity, boolean allowed,
      List<Violation> violations) implements RunLogEntry {
    public RiskEntry {
      requireHeader(session, at);
      violations = List.copyOf(violations);
    }

    public static RiskEntry of(String session, Instant at, ClientOrderId orderId, RiskDecision decision) {
      return new RiskEntry(session, at, orderId, decision.severity(), decision.allowed(), decision.violations()
          .stream().map(v -> new Violation(v.check(), v.severity(), v.limit(), v.observed(), v.message())).toList());
    }
  }

  /** One violated check; {@code limit} and {@code observed} are null for checks without a number. */
  @JsonPropertyOrder({"check", "severity", "limit", "observed", "message"})
  record Violation(RiskCheck check, RiskSeverity severity, BigDecimal limit, BigDecimal observed, String message) {}

  /** An execution, stamped {@code time} by the venue. */
  @JsonPropertyOrder({"session", "at", "orderId", "symbol", "side", "quantity", "price", "fee", "liquidity", "time"})
  record FillEntry(String session, Instant at, ClientOrderId orderId, Symbol symbol, Side side, Quantity quantity,
      Price price, Money fee, Liquidity liquidity, Instant time) implements RunLogEntry {
    public FillEntry {
      requireHeader(session, at);
    }

    public static FillEntry of(String session, Instant at, Fill fill) {
      return new FillEntry(session, at, fill.orderId(), fill.symbol(), fill.side(), fill.quantity(), fill.price(),
          fill.fee(), fill.liquidity(), fill.time());
    }
  }

  /**
   * An order event and what the lifecycle made of it. Applied: {@code from} (null for a placement) and {@code to},
   * with the order's filled and remaining quantity and average fill price after it. Refused: {@code refusal} and
   * {@code detail}, {@code from} is the unchanged status (null for an unknown order) and the rest is null.
   * {@code reason} is the venue's or our reason on rejections and cancels.
   */
  @JsonPropertyOrder({"session", "at", "orderId", "event", "reason", "from", "to", "filledQuantity",
      "remainingQuantity", "averagePrice", "refusal", "detail"})
  record TransitionEntry(String session, Instant at, ClientOrderId orderId, String event, String reason,
      OrderStatus from, OrderStatus to, Quantity filledQuantity, Quantity remainingQuantity, Price averagePrice,
      LifecycleRefusal refusal, String detail) implements RunLogEntry {
    public TransitionEntry {
      requireHeader(session, at);
    }

    public static TransitionEntry of(String session, Instant at, Transition transition) {
      OrderEvent event = transition.event();
      if (transition instanceof Transition.Applied applied) {
        OrderState state = applied.state();
        return new TransitionEntry(session, at, event.orderId(), kind(event), reason(event), applied.from(),
            applied.to(), state.filledQuantity(), state.remaining(), state.averageFillPrice().orElse(null), null,
            null);
      }
      Transition.Refused refused = (Transition.Refused) transition;
      return new TransitionEntry(session, at, event.orderId(), kind(event), reason(event), refused.status(), null,
          null, null, null, refused.refusal(), refused.detail());
    }

    /** The event's type name, read from {@link OrderEvent}'s own JSON subtypes so the two never differ. */
    private static String kind(OrderEvent event) {
      for (JsonSubTypes.Type type : OrderEvent.class.getAnnotation(JsonSubTypes.class).value()) {
        if (type.value() == event.getClass()) {
          return type.name();
        }
      }
      throw new IllegalStateException("no JSON type name for " + event.getClass().getName());
    }

    private static String reason(OrderEvent event) {
      if (event instanceof OrderEvent.Rejected rejected) {
        return rejected.reason();
      }
      return event instanceof OrderEvent.Canceled canceled ? canceled.reason() : null;
    }
  }

  /**
   * The session itself changed status ({@code from} is null when it started), e.g. RUNNING to PAUSED because its
   * market data went stale, with the reason in words.
   */
  @JsonPropertyOrder({"session", "at", "from", "to", "reason"})
  record StatusEntry(String session, Instant at, SessionStatus from, SessionStatus to, String reason)
      implements RunLogEntry {
    public StatusEntry {
      requireHeader(session, at);
      Objects.requireNonNull(to, "to");
    }
  }

  private static void requireHeader(String session, Instant at) {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(at, "at");
  }
}
