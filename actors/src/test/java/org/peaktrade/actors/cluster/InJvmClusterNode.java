package org.peaktrade.actors.cluster;

import org.peaktrade.actors.fixtures.SessionHarness;
import org.peaktrade.engine.time.Ticker;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.HASH;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Leave;
import org.apache.pekko.stream.javadsl.Source;
import org.peaktrade.actors.killswitch.EmbeddedJournal;
import org.peaktrade.actors.killswitch.GateSettings;
import org.peaktrade.actors.killswitch.GateView;
import org.peaktrade.actors.killswitch.KillSwitchGate;
import org.peaktrade.actors.killswitch.KillSwitchRuntime;
import org.peaktrade.actors.killswitch.KillSwitchSettings;
import org.peaktrade.actors.risk.RiskEvent;
import org.peaktrade.actors.session.BarFeed;
import org.peaktrade.actors.session.SessionDependencies;
import org.peaktrade.actors.session.SessionFeeds;
import org.peaktrade.actors.session.SessionSettings;
import org.peaktrade.actors.watchdog.Watchdog;
import org.peaktrade.engine.session.LivePolicy;
import org.peaktrade.engine.watchdog.SourceFreshness;
import org.peaktrade.engine.session.ModeGates;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.session.MarketDataSource;

/**
 * One node of a cluster inside the test JVM: an ActorSystem on the cluster profile ({@code peaktrade-cluster.conf}) on
 * a free loopback port, its journal the {@code jdbc-journal} on one SQLite file ({@code <dataDir>/<database>.db}) that
 * every node of the JVM shares (a shared journal, as Cassandra is for separate machines), the sharded kill switches
 * with the node's own gate and view, and the sharded sessions fed {@code bars} of BTC/USD at one per {@code
 * barInterval} (each session replays from the first bar and skips what its journal has already processed). {@link
 * #crash} stops the node without leaving the cluster, as a killed process would, and so does {@link #close} after a
 * test; {@link #leave} leaves it gracefully. Its watchdog is a real one whose triggers are recorded
 * ({@link #watchdogTriggers}) on their way to the kill switches.
 */
final class InJvmClusterNode implements AutoCloseable {
  static final Duration AWAIT = Duration.ofSeconds(30);

  final ActorSystem<Void> system;
  final KillSwitchRuntime killSwitch;
  final GateView gateView;
  final ShardedSessions sessions;
  final int port;
  final TriggerRecorder watchdogTriggers;
  private final ActorRef<KillSwitchGate.Command> gate;
  private final ActorRef<Watchdog.Command> watchdog;

  private InJvmClusterNode(ActorSystem<Void> system, KillSwitchRuntime killSwitch, GateView gateView,
      ShardedSessions sessions, int port, TriggerRecorder watchdogTriggers, ActorRef<KillSwitchGate.Command> gate,
      ActorRef<Watchdog.Command> watchdog) {
    this.system = system;
    this.killSwitch = killSwitch;
    this.gateView = gateView;
    this.sessions = sessions;
    this.port = port;
    this.watchdogTriggers = watchdogTriggers;
    this.gate = gate;
    this.watchdog = watchdog;
  }

  /** Free loopback ports, one per node; the first node is the seed. */
  static List<Integer> freePorts(int count) throws IOException {
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      try (ServerSocket socket = new ServerSocket(0)) {
        ports.add(socket.getLocalPort());
      }
    }
    return ports;
  }

  static InJvmClusterNode start(String database, Path dataDir, int port, int seedPort, List<Bar> bars,
      Duration barInterval, String... settings) {
    Config config = ConfigFactory.load(ConfigFactory.parseString(String.join("\n", settings))
        .withValue(ClusterProfile.PORT, ConfigValueFactory.fromAnyRef(port))
        .withValue(ClusterProfile.SEED_NODES, ConfigValueFactory.fromIterable(
            List.of(ClusterProfile.seedNode("127.0.0.1:" + seedPort))))
        .withValue(EmbeddedJournal.URL,
            ConfigValueFactory.fromAnyRef(EmbeddedJournal.urlOf(dataDir.resolve(database + ".db"))))
        .withValue("peaktrade.data-dir", ConfigValueFactory.fromAnyRef(dataDir.toAbsolutePath().toString()))
        .withValue("peaktrade.kill-switch.approval-code-hash", ConfigValueFactory.fromAnyRef(HASH))
        .withFallback(ConfigFactory.parseString("""
            peaktrade.kill-switch.cooldown = 0s
            pekko.cluster.split-brain-resolver.stable-after = 3s
            # terminate() then stops the node without leaving the cluster: crash() is a crash, not a handover.
            pekko.coordinated-shutdown.run-by-actor-system-terminate = off
            pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
            pekko.loglevel = INFO
            """))
        .withFallback(ClusterProfile.config())
        .withFallback(EmbeddedJournal.config()));
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), ClusterProfile.SYSTEM_NAME, config);
    try {
      await(EmbeddedJournal.createSchemaIfMissing(system));
      Clock clock = Clock.systemUTC();
      KillSwitchRuntime killSwitch = KillSwitchRuntime.start(system, KillSwitchSettings.fromConfig(config), clock,
          Ticker.SYSTEM, List.of(), ShardedKillSwitches.home());
      GateSettings gateSettings = GateSettings.fromConfig(config);
      GateView view = new GateView(Ticker.SYSTEM, gateSettings);
      ActorRef<KillSwitchGate.Command> gate = KillSwitchGate.start(system, "gate", gateSettings, view, killSwitch);
      TriggerRecorder watchdogTriggers = new TriggerRecorder(killSwitch);
      ActorRef<Watchdog.Command> watchdog = system.systemActorOf(Watchdog.create(watchdogTriggers, clock),
          "watchdog", Props.empty());
      ActorRef<RiskEvent> risk = system.systemActorOf(Behaviors.ignore(), "risk", Props.empty());
      Source<Bar, NotUsed> feed = Source.from(bars).throttle(1, barInterval);
      SessionDependencies deps = new SessionDependencies(SessionSettings.fromConfig(config), clock, view, gate,
          watchdog, risk, SessionFeeds.of(Map.of(bars.get(0).symbol(), SessionHarness.published(feed))),
          config, new ModeGates(LivePolicy.DISABLED, false));
      return new InJvmClusterNode(system, killSwitch, view, ShardedSessions.start(system, deps), port,
          watchdogTriggers, gate, watchdog);
    } catch (RuntimeException e) {
      system.terminate();
      throw e;
    }
  }

  /** Members this node sees as Up. */
  int upMembers() {
    int up = 0;
    for (Member member : Cluster.get(system).state().getMembers()) {
      if (member.status() == MemberStatus.up()) {
        up++;
      }
    }
    return up;
  }

  /** The ids of the sessions whose entities run on this node now. */
  Set<String> hostedSessions() {
    ShardRegion.CurrentShardRegionState state = await(AskPattern.ask(ClusterSharding.get(system).shardState(),
        replyTo -> new GetShardRegionState(SessionEntity.TYPE_KEY, replyTo), AWAIT, system.scheduler()));
    return state.getShards().stream().flatMap(shard -> shard.getEntityIds().stream()).collect(Collectors.toSet());
  }

  /** The sessions whose heartbeat this node's watchdog watches now. */
  Set<String> watchdogSessions() {
    Watchdog.Freshness freshness = await(AskPattern.ask(watchdog, Watchdog.GetFreshness::new, AWAIT,
        system.scheduler()));
    return freshness.sources().stream().map(SourceFreshness::source).filter(source -> source.startsWith("session:"))
        .map(source -> source.substring("session:".length())).collect(Collectors.toSet());
  }

  /** The sessions whose executors are registered with this node's kill-switch gate now. */
  Set<String> gateSessions() {
    return await(AskPattern.ask(gate, KillSwitchGate.GetRegistered::new, AWAIT, system.scheduler())).sessionIds();
  }

  /** Leaves the cluster gracefully, its shards handed off to the others, and waits until its system stopped. */
  void leave() throws Exception {
    Cluster cluster = Cluster.get(system);
    cluster.manager().tell(Leave.create(cluster.selfMember().address()));
    system.getWhenTerminated().toCompletableFuture().get(AWAIT.toSeconds() * 2, TimeUnit.SECONDS);
  }

  /** Stops the actor system without leaving the cluster or handing off its shards: the others see it vanish. */
  void crash() throws Exception {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().get(AWAIT.toSeconds(), TimeUnit.SECONDS);
  }

  static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(AWAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws Exception {
    if (!system.whenTerminated().isCompleted()) {
      crash();
    }
  }
}
