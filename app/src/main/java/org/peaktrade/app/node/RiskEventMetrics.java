package org.peaktrade.app.node;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.peaktrade.actors.risk.RiskEvent;

/**
 * A risk listener for the sessions' risk gates that counts each event's violations in the node's metrics and passes
 * the event on unchanged (usually to the {@code RiskBreachForwarder}, which triggers the kill switch). Talks to:
 * {@link NodeMetrics}, the next listener.
 */
final class RiskEventMetrics {

  private RiskEventMetrics() {}

  static Behavior<RiskEvent> create(NodeMetrics metrics, ActorRef<RiskEvent> next) {
    return Behaviors.receiveMessage(event -> {
      metrics.count(event);
      next.tell(event);
      return Behaviors.same();
    });
  }
}
