package org.peaktrade.engine.trading;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.peaktrade.engine.execution.BarFillModel;
import org.peaktrade.engine.execution.ExecutionPipeline;
import org.peaktrade.engine.portfolio.Ledger;
import org.peaktrade.engine.portfolio.LedgerState;
import org.peaktrade.engine.portfolio.Position;
import org.peaktrade.engine.portfolio.RoundTrip;
import org.peaktrade.engine.risk.MarketPrice;
import org.peaktrade.engine.risk.PreTradeRisk;
import org.peaktrade.engine.risk.RiskAccount;
import org.peaktrade.engine.risk.RiskInputs;
import org.peaktrade.engine.session.PaperVenue;
import org.peaktrade.engine.strategy.Direction;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.ClientOrderId;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.Instrument;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.OrderEvent;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.risk.RiskDecision;
import org.peaktrade.protocol.risk.RiskSeverity;
import org.peaktrade.protocol.risk.RiskViolation;

/**
 * One account trading one instrument on the simulated venue: the step of a bar, written once. A backtest is a loop
 * over it; a trading session drives the same calls per bar. Per bar, in this order:
 * <ol>
 *   <li>{@link #onBar}: the orders resting from earlier bars meet the bar ({@link PaperVenue}: fills at the fill
 *       model's prices within the participation limit, expiries); fills are booked in the exact {@link Ledger}; the
 *       risk account's equity is marked at the bar's close, exactly;</li>
 *   <li>the caller shows the bar to the strategy, and only then</li>
 *   <li>{@link #decide} (a backtest) or {@link #retarget} and {@link #submit} per order (a session, which asks its
 *       risk-gate actor in between with {@link #riskInputs}): a changed target cancels the old target's resting
 *       orders and places new ones, each checked against the pre-trade limits with the core's {@link RiskAccount},
 *       then by the caller's {@link OrderAdmission}, before the venue takes it.</li>
 * </ol>
 * So an order can fill on the next bar at the earliest: the strategy never trades at a price it has already seen.
 * Everything is deterministic given the bars and the answers: order ids are {@code <owner>-<sequence>}, the risk
 * check runs at the decision bar's close, other time stamps are the {@code now} the caller passes.
 *
 * <p>A session rebuilds a core from its journal with the {@code recover...} calls, which apply what happened without
 * deciding anything. Not thread-safe; one owner drives it.
 */
public final class TradingCore {
  private final String owner;
  private final Instrument instrument;
  private final TradingTerms terms;
  private final Symbol symbol;
  private final Ledger ledger;
  private final PaperVenue venue;
  private final RiskAccount risk;
  private final Map<ClientOrderId, Order> working = new HashMap<>();
  private ExecutionPipeline pipeline;

  public TradingCore(String owner, Instrument instrument, TradingTerms terms) {
    this.owner = Objects.requireNonNull(owner, "owner");
    this.instrument = Objects.requireNonNull(instrument, "instrument");
    this.terms = Objects.requireNonNull(terms, "terms");
    this.symbol = instrument.symbol();
    this.ledger = new Ledger(terms.startingCash());
    this.pipeline = new ExecutionPipeline(owner, instrument, terms.sizing(), terms.entry(), terms.allowShort());
    this.venue = new PaperVenue(new BarFillModel(terms.fees(), terms.slippage(), instrument), terms.participation());
    this.risk = terms.risk() == null ? null : new RiskAccount(new PreTradeRisk(terms.risk()));
  }

  /** Offers a new bar to the resting orders and books what filled; then marks the risk account at its close. */
  public BarStep onBar(Bar bar) {
    List<OrderEvent> events = venue.onBar(bar);
    BarStep step = events.isEmpty() ? BarStep.NOTHING : book(events);
    markRisk(bar);
    return step;
  }

  private BarStep book(List<OrderEvent> events) {
    List<RoundTrip> trades = List.of();
    List<Order> expired = new ArrayList<>(0);
    for (OrderEvent event : events) {
      if (event instanceof OrderEvent.Filled filled) {
        List<RoundTrip> closed = ledger.apply(filled.fill());
        if (!closed.isEmpty()) {
          trades = trades.isEmpty() ? closed : concat(trades, closed);
        }
        if (!venue.rests(event.orderId())) {
          working.remove(event.orderId());
        }
      } else if (event instanceof OrderEvent.Expired) {
        expired.add(working.remove(event.orderId()));
      }
    }
    return new BarStep(events, trades, expired);
  }

  private static <T> List<T> concat(List<T> first, List<T> second) {
    List<T> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private void markRisk(Bar bar) {
    if (risk != null) {
      risk.markEquity(ledger.equity(symbol, bar.close()), bar.closeTime());
    }
  }

  /**
   * The whole decision on the strategy's wanted position after {@code bar}, the risk check included; empty when the
   * effective target stays (no allocation: the common case). {@code now} stamps acceptances, rejections, cancels.
   */
  public Optional<Decision> decide(Bar bar, Direction wanted, OrderAdmission admission, Instant now) {
    Optional<Retarget> retarget = retarget(bar, wanted, now);
    if (retarget.isEmpty()) {
      return Optional.empty();
    }
    Retarget change = retarget.get();
    List<OrderEvent> events = new ArrayList<>(change.cancels());
    List<RiskOutcome> outcomes = new ArrayList<>();
    for (Order order : change.orders()) {
      events.add(new OrderEvent.Placed(order));
      RiskDecision decision = checkRisk(order, bar);
      if (decision != null && decision.severity() != RiskSeverity.OK) {
        outcomes.add(new RiskOutcome(order, decision));
      }
      events.add(submit(order, bar, decision, admission, now));
    }
    return Optional.of(new Decision(wanted, change.target(), change.reference(), change.orders(), events,
        change.canceled(), outcomes, change.sequence()));
  }

  /**
   * The first half of a decision: empty while the effective target stays; else the old target's resting orders are
   * canceled and the new target's orders placed (sized from the position and equity at {@code bar}'s close).
   */
  public Optional<Retarget> retarget(Bar bar, Direction wanted, Instant now) {
    if (!pipeline.changes(wanted)) {
      return Optional.empty();
    }
    ExecutionPipeline.TargetChange change = pipeline
        .onTarget(wanted, position().quantity(), bar.close(), () -> ledger.equity(symbol, bar.close()),
            bar.closeTime())
        .orElseThrow();
    List<Order> canceled = venue.resting();
    List<OrderEvent> cancels =
        canceled.isEmpty() ? List.of() : cancelAll("target changed to " + change.target(), now);
    return Optional.of(new Retarget(wanted, change.target(), bar.close(), change.orders(), cancels, canceled,
        pipeline.sequence()));
  }

  /**
   * What the pre-trade check of {@code order} placed at {@code bar}'s close is asked with; empty when no limits are
   * configured, or before the first equity mark (then {@link RiskAccount#accountUnknown} applies).
   */
  public Optional<RiskInputs> riskInputs(Bar bar) {
    if (risk == null) {
      return Optional.empty();
    }
    return risk.inputs(Map.of(symbol, position().quantity()),
        Map.of(symbol, new MarketPrice(bar.close(), bar.closeTime())), bar.closeTime());
  }

  /** The pre-trade check of {@code order} at {@code bar}'s close, here and now; null without limits. */
  public RiskDecision checkRisk(Order order, Bar bar) {
    if (risk == null) {
      return null;
    }
    return riskInputs(bar).map(in -> risk.risk().check(order, in)).orElseGet(RiskAccount::accountUnknown);
  }

  /**
   * The second half: {@code order} with its risk {@code decision} (null: no check) goes to the venue unless the
   * decision blocks it or the admission refuses it; answers the acceptance or the rejection with its reason.
   */
  public OrderEvent submit(Order order, Bar bar, RiskDecision decision, OrderAdmission admission, Instant now) {
    if (decision != null && risk != null) {
      risk.record(decision, bar.closeTime());
    }
    Optional<String> refusal = decision != null && !decision.allowed() ? Optional.of(riskRefusal(decision))
        : admission.refusal(order);
    if (refusal.isPresent()) {
      return new OrderEvent.Rejected(order.id(), refusal.get(), now);
    }
    OrderEvent answer = venue.submit(order, now);
    if (answer instanceof OrderEvent.Accepted) {
      working.put(order.id(), order);
    }
    return answer;
  }

  /** Withdraws every resting order (a kill, a stop, a new target); answers the cancels in submission order. */
  public List<OrderEvent> cancelAll(String reason, Instant now) {
    List<OrderEvent> cancels = new ArrayList<>();
    for (Order order : venue.resting()) {
      venue.cancel(order.id(), reason, now).ifPresent(cancels::add);
      working.remove(order.id());
    }
    return cancels;
  }

  /** Orders that rested before a restart rest again (each with its unfilled remainder), in the order given. */
  public void restore(List<Order> resting, Instant now) {
    resting.forEach(order -> {
      venue.submit(order, now);
      working.put(order.id(), order);
    });
  }

  /** How a blocked risk decision reads as the order's rejection reason, in sessions and backtests alike. */
  public static String riskRefusal(RiskDecision decision) {
    return "risk: " + decision.violations().stream().map(RiskViolation::message).collect(Collectors.joining("; "));
  }

  // ---- recovery from recorded events: applied in the order they happened, deciding nothing

  /** An order was accepted by the venue and rests. */
  public void recoverAccepted(Order order) {
    venue.submit(order, order.createdAt());
    working.put(order.id(), order);
  }

  /** A fill happened: the resting order shrinks or ends, and the fill is booked. */
  public void recoverFill(Fill fill) {
    venue.recoverFill(fill);
    ledger.apply(fill);
    if (!venue.rests(fill.orderId())) {
      working.remove(fill.orderId());
    }
  }

  /**
   * A fill of an order that still rests, already booked in a ledger restored with {@link #recoverLedger}: the order
   * shrinks, the ledger is left as it is.
   */
  public void recoverRestingFill(Fill fill) {
    venue.recoverFill(fill);
    if (!venue.rests(fill.orderId())) {
      working.remove(fill.orderId());
    }
  }

  /** The ledger as a snapshot recorded it, every fill before the snapshot booked. */
  public void recoverLedger(LedgerState state) {
    ledger.restore(state);
  }

  /** An order stopped resting: canceled, expired or rejected. */
  public void recoverEnded(ClientOrderId id) {
    venue.recoverEnded(id);
    working.remove(id);
  }

  /** A bar was processed, its fills and expiries recovered before this call: resting orders aged, risk marked. */
  public void recoverBar(Bar bar) {
    venue.recoverBar(bar);
    markRisk(bar);
  }

  /** A risk check at {@code bar}'s close let an order through or blocked it. */
  public void recoverRiskChecked(RiskDecision decision, Instant checkedAt) {
    if (risk != null) {
      risk.record(decision, checkedAt);
    }
  }

  /**
   * The effective target and the last order sequence number used; the next order continues after
   * {@code sequence}, so a recovered core never reuses an id.
   */
  public void recoverTarget(Direction target, long sequence) {
    pipeline = new ExecutionPipeline(owner, instrument, terms.sizing(), terms.entry(), terms.allowShort(), sequence,
        target);
  }

  // ---- queries

  /** The orders resting at the venue now, in submission order, as they were submitted. */
  public List<Order> resting() {
    return venue.resting();
  }

  public Position position() {
    return ledger.position(symbol);
  }

  public Ledger ledger() {
    return ledger;
  }

  public Direction target() {
    return pipeline.target();
  }

  public long sequence() {
    return pipeline.sequence();
  }

  /** Exact equity with the position marked at {@code mark}. */
  public Money equity(Price mark) {
    return ledger.equity(symbol, mark);
  }
}
