package org.peaktrade.actors.risk;

import java.time.Clock;
import java.time.Instant;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.peaktrade.engine.risk.PreTradeRisk;
import org.peaktrade.engine.risk.RiskAccount;
import org.peaktrade.engine.risk.RiskInputs;
import org.peaktrade.engine.risk.RiskLimits;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.risk.RiskDecision;
import org.peaktrade.protocol.risk.RiskSeverity;
import org.peaktrade.protocol.risk.RiskViolation;

/**
 * The pre-trade risk gate of one session: asked about every order the session's trading core places, it answers the
 * {@link PreTradeRisk} decision for the account as the core describes it ({@link RiskInputs}: positions, the decision
 * bar's price, equity now, at the start of the day and at its peak, orders in the throttle window). The account
 * history is the core's {@link RiskAccount}, the same one backtests use; a check asked without inputs (the account
 * not known yet) is blocked (fail closed). Warnings and breaches go to the listener as {@link RiskEvent.Alerted};
 * loss and drawdown breaches also as {@link RiskEvent.PortfolioLimitBreached}, which the kill switch's threshold
 * trigger consumes. Talks to: the session (checks) and its listener.
 */
public final class RiskGate extends AbstractBehavior<RiskGate.Command> {

  public sealed interface Command {}

  /** Checks an order against {@code inputs} (null: the account is not known yet); the reply says whether it may go. */
  public record Check(Order order, RiskInputs inputs, ActorRef<Checked> replyTo) implements Command {}

  /**
   * The answer to a {@link Check}: the order it was about and the decision. It names the order so that the asker can
   * take it through a message adapter, without an ask (a temporary actor, a future and its callback) per order.
   */
  public record Checked(Order order, RiskDecision decision) {}

  private final String sessionId;
  private final PreTradeRisk risk;
  private final Clock clock;
  private final ActorRef<RiskEvent> listener;

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
    return newReceiveBuilder().onMessage(Check.class, this::onCheck).build();
  }

  private Behavior<Command> onCheck(Check check) {
    RiskDecision decision = check.inputs() == null ? RiskAccount.accountUnknown()
        : risk.check(check.order(), check.inputs());
    check.replyTo().tell(new Checked(check.order(), decision));
    if (decision.severity() != RiskSeverity.OK) {
      Instant now = clock.instant();
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
