package org.peaktrade.engine.trading;

import java.math.BigDecimal;
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
import org.peaktrade.engine.portfolio.Position;
import org.peaktrade.engine.portfolio.RoundTrip;
import org.peaktrade.engine.risk.MarketPrice;
import org.peaktrade.engine.risk.PreTradeRisk;
import org.peaktrade.engine.risk.RiskAccount;
import org.peaktrade.engine.session.PaperVenue;
import org.peaktrade.engine.strategy.Direction;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.ClientOrderId;
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
 * over it; sessions drive the same two calls per bar. Per bar, in this order:
 * <ol>
 *   <li>{@link #onBar}: the orders resting from earlier bars meet the bar ({@link PaperVenue}: fills at the fill
 *       model's prices within the participation limit, expiries); fills are booked in the exact {@link Ledger}; the
 *       risk account's equity is marked at the bar's close, exactly;</li>
 *   <li>the caller shows the bar to the strategy, and only then</li>
 *   <li>{@link #decide}: the strategy's wanted position goes through the {@link ExecutionPipeline}; a changed target
 *       cancels the old target's resting orders and places new ones, each checked by the pre-trade risk account and
 *       then by the caller's {@link OrderAdmission} before the venue takes it.</li>
 * </ol>
 * So an order can fill on the next bar at the earliest: the strategy never trades at a price it has already seen.
 * Everything is deterministic given the bars and the strategy's answers: order ids are {@code <owner>-<sequence>},
 * time stamps are the bars' times or the {@code now} the caller passes. Not thread-safe; one owner drives it.
 */
public final class TradingCore {
  private final Instrument instrument;
  private final Symbol symbol;
  private final Ledger ledger;
  private final ExecutionPipeline pipeline;
  private final PaperVenue venue;
  private final RiskAccount risk;
  private final Map<ClientOrderId, Order> working = new HashMap<>();

  public TradingCore(String owner, Instrument instrument, TradingTerms terms) {
    this.instrument = Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(terms, "terms");
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
    if (risk != null) {
      risk.markEquity(ledger.equity(symbol, bar.close()), bar.closeTime());
    }
    return step;
  }

  private BarStep book(List<OrderEvent> events) {
    List<RoundTrip> trades = new ArrayList<>();
    List<Order> expired = new ArrayList<>();
    for (OrderEvent event : events) {
      if (event instanceof OrderEvent.Filled filled) {
        trades.addAll(ledger.apply(filled.fill()));
      } else if (event instanceof OrderEvent.Expired) {
        expired.add(working.get(event.orderId()));
      }
    }
    working.keySet().retainAll(restingIds());
    return new BarStep(events, trades, expired);
  }

  /**
   * Acts on the strategy's wanted position after {@code bar}; empty when the effective target stays (no allocation:
   * the common case). {@code now} stamps the acceptances, rejections and cancels.
   */
  public Optional<Decision> decide(Bar bar, Direction wanted, OrderAdmission admission, Instant now) {
    if (!pipeline.changes(wanted)) {
      return Optional.empty();
    }
    BigDecimal held = position().quantity();
    ExecutionPipeline.TargetChange change = pipeline
        .onTarget(wanted, held, bar.close(), () -> ledger.equity(symbol, bar.close()), bar.closeTime())
        .orElseThrow();
    List<OrderEvent> events = new ArrayList<>();
    List<Order> canceled = venue.resting();
    for (Order old : canceled) {
      venue.cancel(old.id(), "target changed to " + change.target(), now).ifPresent(events::add);
      working.remove(old.id());
    }
    List<RiskOutcome> outcomes = new ArrayList<>();
    for (Order order : change.orders()) {
      events.add(new OrderEvent.Placed(order));
      RiskDecision decision = risk == null ? null : risk.check(order, Map.of(symbol, held),
          Map.of(symbol, new MarketPrice(bar.close(), bar.closeTime())), bar.closeTime());
      if (decision != null && decision.severity() != RiskSeverity.OK) {
        outcomes.add(new RiskOutcome(order, decision));
      }
      Optional<String> refusal = decision != null && !decision.allowed() ? Optional.of(riskRefusal(decision))
          : admission.refusal(order);
      OrderEvent answer = refusal.<OrderEvent>map(reason -> new OrderEvent.Rejected(order.id(), reason, now))
          .orElseGet(() -> venue.submit(order, now));
      if (answer instanceof OrderEvent.Accepted) {
        working.put(order.id(), order);
      }
      events.add(answer);
    }
    return Optional.of(new Decision(wanted, change.target(), bar.close(), change.orders(), events, canceled,
        outcomes, pipeline.sequence()));
  }

  /** How a blocked risk decision reads as the order's rejection reason, in sessions and backtests alike. */
  public static String riskRefusal(RiskDecision decision) {
    return "risk: " + decision.violations().stream().map(RiskViolation::message).collect(Collectors.joining("; "));
  }

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

  /** Exact equity with the position marked at {@code mark}. */
  public Money equity(Price mark) {
    return ledger.equity(symbol, mark);
  }

  public Instrument instrument() {
    return instrument;
  }

  private List<ClientOrderId> restingIds() {
    return venue.resting().stream().map(Order::id).toList();
  }
}
