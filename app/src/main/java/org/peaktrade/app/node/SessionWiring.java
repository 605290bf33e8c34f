package org.peaktrade.app.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.peaktrade.actors.killswitch.KillSwitchRuntime;
import org.peaktrade.actors.risk.RiskBreachForwarder;
import org.peaktrade.actors.risk.RiskEvent;
import org.peaktrade.actors.session.BarFeed;
import org.peaktrade.actors.session.LivePolicySettings;
import org.peaktrade.actors.session.SessionDependencies;
import org.peaktrade.actors.session.SessionFeeds;
import org.peaktrade.actors.session.SessionService;
import org.peaktrade.actors.session.SessionSettings;
import org.peaktrade.actors.watchdog.Watchdog;
import org.peaktrade.engine.session.LivePolicy;
import org.peaktrade.engine.session.ModeGates;
import org.peaktrade.engine.time.Ticker;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.session.SessionSpec;

/**
 * The node's trading sessions: the node-local kill-switch gate they register with and read, risk events counted in the
 * metrics and forwarded to the risk-breach forwarder, one
 * bar feed per symbol of the node's market data, the mode gates (no exchange adapter exists yet, so TESTNET and LIVE
 * refuse to start), the sessions themselves (on this node, or sharded over the cluster), and the demo sessions of {@code peaktrade.node.demo-sessions}. Every setting is read before
 * anything starts, so a bad value stops the node with a message naming the key.
 */
final class SessionWiring {

  private final SessionSettings settings;
  private final LivePolicy livePolicy;
  private final List<SessionSpec> demoSessions;
  private final Duration startTimeout;

  private SessionWiring(SessionSettings settings, LivePolicy livePolicy, List<SessionSpec> demoSessions,
      Duration startTimeout) {
    this.settings = settings;
    this.livePolicy = livePolicy;
    this.demoSessions = demoSessions;
    this.startTimeout = startTimeout;
  }

  static SessionWiring fromConfig(Config config) {
    try {
      return new SessionWiring(SessionSettings.fromConfig(config), LivePolicySettings.fromConfig(config),
          DemoSessions.fromConfig(config), startTimeout(config));
    } catch (ConfigException | IllegalArgumentException e) {
      throw new NodeConfigException(e.getMessage(), e);
    }
  }

  private static Duration startTimeout(Config config) {
    Duration timeout = config.getDuration(StartupRetry.START_TIMEOUT);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new ConfigException.BadValue(StartupRetry.START_TIMEOUT, "must be positive, not " + timeout);
    }
    return timeout;
  }

  /** How the node asks its sessions while it starts: timed-out asks again, up to peaktrade.node.start-timeout. */
  StartupRetry startupRetry() {
    return new StartupRetry(startTimeout, Ticker.SYSTEM, StartupRetry.Pause.SLEEP);
  }

  /** The sessions the node starts when they do not exist yet (a restarted node resumes them from the journal). */
  List<SessionSpec> demoSessions() {
    return demoSessions;
  }

  SessionService start(ActorSystem<Void> system, Config config, Clock clock, KillSwitchRuntime killSwitch,
      KillSwitchWiring.Gate gate, ActorRef<Watchdog.Command> watchdog, MarketDataWiring.MarketData marketData,
      NodeMetrics metrics, ClusterWiring cluster) {
    ActorRef<RiskEvent> breaches = system.systemActorOf(RiskBreachForwarder.create(killSwitch), "risk-breaches",
        Props.empty());
    ActorRef<RiskEvent> risk = system.systemActorOf(RiskEventMetrics.create(metrics, breaches), "risk-events",
        Props.empty());
    Map<Symbol, BarFeed> feeds = new LinkedHashMap<>();
    for (Symbol symbol : marketData.symbols()) {
      feeds.put(symbol, new BarFeed(marketData.kind(), marketData.bars(symbol).orElseThrow(),
          marketData.published(symbol)));
    }
    SessionDependencies deps = new SessionDependencies(settings, clock, gate.view(), gate.actor(), watchdog, risk,
        SessionFeeds.of(feeds), config, new ModeGates(livePolicy, false));
    return cluster.sessions(system, deps);
  }
}
