package org.peaktrade.actors.risk;

import java.util.Map;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.peaktrade.actors.killswitch.KillSwitchService;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.TriggerKind;
import org.peaktrade.protocol.risk.RiskViolation;

/**
 * Listens to risk gates: a portfolio-level breach (daily loss, drawdown) triggers the kill switch of that session
 * with kind THRESHOLD, the check as identity and the limit and observed value as metadata; every alert is logged
 * with its violations. Talks to: the kill-switch service.
 */
public final class RiskBreachForwarder {
  private RiskBreachForwarder() {}

  public static Behavior<RiskEvent> create(KillSwitchService killSwitch) {
    return Behaviors.receive((context, event) -> {
      if (event instanceof RiskEvent.PortfolioLimitBreached breach) {
        RiskViolation v = breach.violation();
        killSwitch.trigger(KillSwitchScope.session(breach.sessionId()), TriggerKind.THRESHOLD,
            "risk:" + v.check().name().toLowerCase(), v.message(),
            Map.of("check", v.check().name(), "limit", v.limit().toPlainString(), "observed",
                v.observed().toPlainString(), "session", breach.sessionId()));
      } else if (event instanceof RiskEvent.Alerted alert) {
        context.getLog().warn("risk {} for session {} order {}: {}", alert.decision().severity(), alert.sessionId(),
            alert.order().id(), alert.decision().violations());
      }
      return Behaviors.same();
    });
  }
}
