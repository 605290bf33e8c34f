package org.peaktrade.actors.risk;

import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.peaktrade.actors.killswitch.KillSwitchService;
import org.peaktrade.actors.killswitch.KillTriggerDelivery;
import org.peaktrade.actors.killswitch.TriggerSource;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.TriggerKind;
import org.peaktrade.protocol.risk.RiskViolation;

/**
 * Listens to risk gates: a portfolio-level breach (daily loss, drawdown) triggers the kill switch of that session
 * with kind THRESHOLD, the check as identity and the limit and observed value as metadata, delivered by its
 * {@link KillTriggerDelivery} child until the switch records it; every alert is logged with its violations. Talks
 * to: the kill-switch service (through the delivery).
 */
public final class RiskBreachForwarder {
  private RiskBreachForwarder() {}

  public static Behavior<RiskEvent> create(KillSwitchService killSwitch) {
    return Behaviors.setup(context -> {
      ActorRef<KillTriggerDelivery.Command> delivery =
          context.spawn(KillTriggerDelivery.create(killSwitch), "kill-trigger-delivery");
      return Behaviors.receiveMessage(event -> {
        if (event instanceof RiskEvent.PortfolioLimitBreached breach) {
          RiskViolation v = breach.violation();
          delivery.tell(new KillTriggerDelivery.Deliver(TriggerSource.RISK_BREACH,
              KillSwitchScope.session(breach.sessionId()), TriggerKind.THRESHOLD,
              "risk:" + v.check().name().toLowerCase(), v.message(),
              Map.of("check", v.check().name(), "limit", v.limit().toPlainString(), "observed",
                  v.observed().toPlainString(), "session", breach.sessionId())));
        } else if (event instanceof RiskEvent.Alerted alert) {
          context.getLog().warn("risk {} for session {} order {}: {}", alert.decision().severity(),
              alert.sessionId(), alert.order().id(), alert.decision().violations());
        }
        return Behaviors.same();
      });
    });
  }
}
