package org.peaktrade.actors.session;

import com.typesafe.config.Config;
import java.time.Clock;
import java.util.Objects;
import org.apache.pekko.actor.typed.ActorRef;
import org.peaktrade.actors.killswitch.ExecutionGate;
import org.peaktrade.actors.killswitch.KillSwitchGate;
import org.peaktrade.actors.risk.RiskEvent;
import org.peaktrade.actors.watchdog.Watchdog;
import org.peaktrade.engine.session.ModeGates;

/**
 * What the node hands to its sessions: settings and clock, the node-local kill-switch view (read by the session as
 * its venue takes an order; usually the node's {@code GateView}) and gate (sessions register there to have their
 * orders canceled on a kill), the watchdog, the listener of risk alerts (usually a {@code RiskBreachForwarder}), the
 * bar feeds, the configuration the risk profiles are read from, and the mode gates.
 */
public record SessionDependencies(SessionSettings settings, Clock clock, ExecutionGate gateView,
    ActorRef<KillSwitchGate.Command> killSwitchGate, ActorRef<Watchdog.Command> watchdog,
    ActorRef<RiskEvent> riskListener, SessionFeeds feeds, Config config, ModeGates modeGates) {

  public SessionDependencies {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(gateView, "gate view");
    Objects.requireNonNull(killSwitchGate, "kill-switch gate");
    Objects.requireNonNull(watchdog, "watchdog");
    Objects.requireNonNull(riskListener, "risk listener");
    Objects.requireNonNull(feeds, "feeds");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(modeGates, "mode gates");
  }
}
