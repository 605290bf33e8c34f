package org.peaktrade.protocol.session;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.peaktrade.protocol.CborSerializable;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.OrderStatus;

/**
 * A session as the API shows it: its spec, status (with the reason when PAUSED), how far it got, and its account
 * marked at the last bar's close. {@code position} is the signed base quantity of the spec's symbol. {@code member} is
 * the Pekko address of the node whose actor answered, the one running the session: a cluster member such as
 * {@code pekko://peak-trade@127.0.0.1:25521}, or {@code pekko://peak-trade} on a single node. {@code reachable} is
 * false when the session's actor did not answer in time (its member crashed or is cut off, its shard moving): the
 * view is then the last one the answering node saw, kept so the session list answers during a failover.
 * {@code catchingUp} says what the session is doing when it is not simply keeping up with its feed (skipping bars it
 * had processed, which a replay resumed after a restart sends again; taking many bars at once because it is behind);
 * null when it keeps up or has had no bar. {@code orders} counts every order the session ever placed by its status now
 * (statuses without orders left out; empty in a view from before the count existed).
 */
public record SessionView(SessionSpec spec, SessionStatus status, String statusReason, Instant startedAt,
    long barsSeen, Instant lastBarOpen, Money cash, Money equity, Money realizedPnl, Money fees, BigDecimal position,
    int openOrders, long fills, String catchingUp, String member, boolean reachable, Map<OrderStatus, Integer> orders)
    implements CborSerializable {

  public SessionView {
    orders = orders == null || orders.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(orders));
  }

  /** A view its session's actor just gave: reachable, keeping up with its feed. */
  public SessionView(SessionSpec spec, SessionStatus status, String statusReason, Instant startedAt,
      long barsSeen, Instant lastBarOpen, Money cash, Money equity, Money realizedPnl, Money fees,
      BigDecimal position, int openOrders, long fills, String member) {
    this(spec, status, statusReason, startedAt, barsSeen, lastBarOpen, cash, equity, realizedPnl, fees, position,
        openOrders, fills, null, member, true, Map.of());
  }

  /** The same view with what the session is doing with its feed ({@code catchingUp}, null: keeping up). */
  public SessionView catchingUp(String what) {
    return new SessionView(spec, status, statusReason, startedAt, barsSeen, lastBarOpen, cash, equity, realizedPnl,
        fees, position, openOrders, fills, what, member, reachable, orders);
  }

  /** The same view, marked as the last one seen because the session's actor did not answer. */
  public SessionView unreachable() {
    return new SessionView(spec, status, statusReason, startedAt, barsSeen, lastBarOpen, cash, equity, realizedPnl,
        fees, position, openOrders, fills, catchingUp, member, false, orders);
  }

  /** The same view with the session's orders counted by status. */
  public SessionView withOrders(Map<OrderStatus, Integer> byStatus) {
    return new SessionView(spec, status, statusReason, startedAt, barsSeen, lastBarOpen, cash, equity, realizedPnl,
        fees, position, openOrders, fills, catchingUp, member, reachable, byStatus);
  }
}
