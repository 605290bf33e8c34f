package org.peaktrade.actors.risk;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.peaktrade.engine.risk.MarketPrice;
import org.peaktrade.engine.risk.PreTradeRisk;
import org.peaktrade.engine.risk.RiskAccount;
import org.peaktrade.engine.risk.RiskLimits;
import org.peaktrade.protocol.CborSerializable;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.risk.RiskDecision;
import org.peaktrade.protocol.risk.RiskSeverity;
import org.peaktrade.protocol.risk.RiskViolation;

/**
 * The pre-trade risk gate of one session, in front of its executor. It keeps the last prices and positions, and
 * the account history in the engine's {@link RiskAccount} (the same one backtests use), and answers {@link Check}
 * with the {@link PreTradeRisk} decision. Until it has seen an account update it blocks everything (fail closed). Warnings and breaches go to the listener as
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
  private final RiskAccount account;
  private final Clock clock;
  private final ActorRef<RiskEvent> listener;
  private final Map<Symbol, MarketPrice> prices = new HashMap<>();
  private Map<Symbol, BigDecimal> positions = Map.of();

  public static Behavior<Command> create(String sessionId, RiskLimits limits, Clock clock,
      ActorRef<RiskEvent> listener) {
    return Behaviors.setup(context -> new RiskGate(context, sessionId, limits, clock, listener));
  }

  private RiskGate(ActorContext<Command> context, String sessionId, RiskLimits limits, Clock clock,
      ActorRef<RiskEvent> listener) {
    super(context);
    this.sessionId = sessionId;
    this.account = new RiskAccount(new PreTradeRisk(limits));
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
    positions = Map.copyOf(update.positions());
    account.markEquity(update.equity(), clock.instant());
    return this;
  }

  private Behavior<Command> onCheck(Check check) {
    Instant now = clock.instant();
    RiskDecision decision = account.check(check.order(), positions, prices, now);
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
}
