package org.peaktrade.bench;

import org.peaktrade.engine.time.Ticker;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.stream.javadsl.Source;
import org.peaktrade.actors.killswitch.EmbeddedJournal;
import org.peaktrade.actors.killswitch.GateSettings;
import org.peaktrade.actors.killswitch.GateView;
import org.peaktrade.actors.killswitch.KillSwitchGate;
import org.peaktrade.actors.killswitch.KillSwitchRuntime;
import org.peaktrade.actors.killswitch.KillSwitchSettings;
import org.peaktrade.actors.risk.RiskBreachForwarder;
import org.peaktrade.actors.risk.RiskEvent;
import org.peaktrade.actors.session.BarFeed;
import org.peaktrade.actors.session.SessionDependencies;
import org.peaktrade.actors.session.SessionFeeds;
import org.peaktrade.actors.session.SessionRuntime;
import org.peaktrade.actors.session.SessionSettings;
import org.peaktrade.actors.watchdog.Watchdog;
import org.peaktrade.engine.session.LivePolicy;
import org.peaktrade.engine.session.ModeGates;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.session.MarketDataSource;
import org.peaktrade.protocol.session.SessionMode;
import org.peaktrade.protocol.session.SessionSpec;

/**
 * A single node wired as {@code peak-trade node} wires it for sessions: the embedded SQLite file journal under a data
 * dir (WAL with synchronous=FULL: every event is on disk when persisted), the kill-switch runtime with its registry,
 * the node's gate and view, the watchdog, the risk-breach forwarder, and the {@link SessionRuntime} with one BTC/USD feed.
 * What is left out: HTTP, metrics and the market-data hubs (the feed is given).
 */
final class SessionNode implements AutoCloseable {
  static final Symbol BTC = Symbol.of("BTC/USD");

  final ActorSystem<Void> system;
  final Clock clock;
  final KillSwitchRuntime killSwitch;
  final GateView gateView;
  final SessionRuntime sessions;

  private SessionNode(ActorSystem<Void> system, Source<Bar, NotUsed> bars) {
    this.system = system;
    Config config = system.settings().config();
    clock = Clock.systemUTC();
    Waiting.await(EmbeddedJournal.createSchemaIfMissing(system), 60);
    killSwitch = KillSwitchRuntime.start(system, KillSwitchSettings.fromConfig(config), clock, Ticker.SYSTEM,
        List.of());
    GateSettings gateSettings = GateSettings.fromConfig(config);
    gateView = new GateView(Ticker.SYSTEM, gateSettings);
    ActorRef<KillSwitchGate.Command> gate =
        KillSwitchGate.start(system, "kill-switch-gate", gateSettings, gateView, killSwitch);
    ActorRef<Watchdog.Command> watchdog =
        system.systemActorOf(Watchdog.create(killSwitch, clock), "watchdog", Props.empty());
    ActorRef<RiskEvent> risk =
        system.systemActorOf(RiskBreachForwarder.create(killSwitch), "risk-breaches", Props.empty());
    SessionDependencies deps = new SessionDependencies(SessionSettings.fromConfig(config), clock, gateView, gate,
        watchdog, risk, SessionFeeds.of(Map.of(BTC, new BarFeed(MarketDataSource.REPLAY, bars))), config,
        new ModeGates(LivePolicy.DISABLED, false));
    sessions = SessionRuntime.start(system, deps);
  }

  /**
   * Starts a node with its data under {@code dataDir}, sessions fed {@code bars} (every session replays them from
   * the start), and {@code settings} over the node's defaults.
   */
  static SessionNode start(Path dataDir, Source<Bar, NotUsed> bars, Config settings) {
    Config config = ConfigFactory.load(settings
        .withValue("peaktrade.data-dir", ConfigValueFactory.fromAnyRef(dataDir.toAbsolutePath().toString()))
        .withFallback(ConfigFactory.parseString("""
            peaktrade.kill-switch.approval-code-required = false
            pekko.loglevel = WARNING
            """))
        .withFallback(EmbeddedJournal.config()));
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "session-bench", config);
    try {
      return new SessionNode(system, bars);
    } catch (RuntimeException e) {
      system.terminate();
      throw e;
    }
  }

  /** A PAPER session on BTC/USD with the moving-average crossover 5/15, 95 % of equity, 10 bps fee, 2 bps slippage. */
  static SessionSpec paperSpec(String id) {
    return new SessionSpec(id, "ma-cross", Map.of("fast", "5", "slow", "15"), BTC, SessionMode.PAPER,
        "equity-pct:95", "default", new BigDecimal("10000"), new BigDecimal("10"), new BigDecimal("2"));
  }

  @Override
  public void close() throws Exception {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
