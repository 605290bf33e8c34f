package org.peaktrade.actors.risk;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.peaktrade.engine.risk.MarketPrice;
import org.peaktrade.engine.risk.PreTradeRisk;
import org.peaktrade.engine.risk.RiskInputs;
import org.peaktrade.engine.risk.RiskLimits;
import org.peaktrade.protocol.CborSerializable;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.risk.RiskCheck;
import org.peaktrade.protocol.risk.RiskDecision;
import org.peaktrade.protocol.risk.RiskSeverity;
import org.peaktrade.protocol.risk.RiskViolation;

/**
 * The pre-trade risk gate of one session, in front of its executor. It keeps what the check needs — last prices,
 * positions, equity, the start-of-day equity (UTC day), the equity peak and the orders it let through in the
 * throttle window — and answers {@link Check} with the engine's {@link PreTradeRisk} decision. Until it has seen
 * an account update it blocks everything (fail closed). Warnings and breaches go to the listener as
 * {@link RiskEvent.Alerted}; loss and drawdown breaches also as {@link RiskEvent.PortfolioLimitBreached}, which the
 * kill switch's threshold trigger consumes. Talks to: the session (updates, checks) and its listener.
 */
public final class RiskGate extends AbstractBehavior<RiskGate.Command> {

  public sealed interface Command extends CborSerializable {}

  /** Checks an order; the reply says whether it may go to the executor. */
  public record Check(Order order, ActorRef<RiskDecision> replyTo) implements Command {}

  public record PriceUpdated(Symbol symbol, Price price, Instant at) implements Command {}

  public record AccountUpdated(Map<Symbol, BigDecimal> positions, Money equity) implements Command {}

  private final String sessionId;
  private final PreTradeRisk risk;
  private final Clock clock;
  private final ActorRef<RiskEvent> listener;
  private final Map<Symbol, MarketPrice> prices = new HashMap<>();
  private final ArrayDeque<Instant> submitted = new ArrayDeque<>();
  private Map<Symbol, BigDecimal> positions = Map.of();
  private Money equity;
  private Money startOfDay;
  private Money peak;
  private LocalDate day;

  public static Behavior<Command> create(String sessionId, RiskLimits limits, Clock clock,
      ActorRef<RiskEvent> listener) {
    return Behaviors.setup(context -> new RiskGate(context, sessionId, limits, clock, listener));
  }

  private RiskGate(ActorContext<Command> context, String sessionId, RiskLimits limits, Clock clock,
      ActorRef<RiskEvent> listener) {
    super(context);
    this.sessionId = sessionId;
    this.risk = new PreTradeRisk(limits);
    this.clock = clock;
    this.listener = listener;
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Check.class, this::onCheck)
        .onMessage(PriceUpdated.class, this::onPriceUpdated)
        .onMessage(AccountUpdated.class, this::onAccountUpdated)
        .build();
  }

  private Behavior<Command> onPriceUpdated(PriceUpdated update) {
    prices.put(update.symbol(), new MarketPrice(update.price(), update.at()));
    return this;
  }

  private Behavior<Command> onAccountUpdated(AccountUpdated update) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    if (equity == null) {
      startOfDay = update.equity();
      peak = update.equity();
    } else if (!today.equals(day)) {
      startOfDay = equity;
    }
    day = today;
    positions = Map.copyOf(update.positions());
    equity = update.equity();
    peak = peak.max(equity);
    return this;
  }

  private Behavior<Command> onCheck(Check check) {
    Instant now = clock.instant();
    RiskDecision decision = equity == null ? noAccountYet() : decide(check.order(), now);
    check.replyTo().tell(decision);
    if (decision.severity() != RiskSeverity.OK) {
      listener.tell(new RiskEvent.Alerted(sessionId, check.order(), decision, now));
      for (RiskViolation violation : decision.violations()) {
        if (violation.severity() == RiskSeverity.BREACH && violation.check().isPortfolioLevel()) {
          listener.tell(new RiskEvent.PortfolioLimitBreached(sessionId, violation, now));
        }
      }
    }
    return this;
  }

  private RiskDecision decide(Order order, Instant now) {
    while (!submitted.isEmpty() && !submitted.peekFirst().isAfter(now.minus(risk.limits().orderWindow()))) {
      submitted.pollFirst();
    }
    RiskDecision decision = risk.check(order,
        new RiskInputs(positions, prices, equity, startOfDay, peak, submitted.size(), now));
    if (decision.allowed()) {
      submitted.addLast(now);
    }
    return decision;
  }

  private static RiskDecision noAccountYet() {
    return RiskDecision.of(List.of(new RiskViolation(RiskCheck.ACCOUNT_UNKNOWN, RiskSeverity.BREACH, null, null,
        "no account state yet: the risk gate blocks until it has one")));
  }
}
