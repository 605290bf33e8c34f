package org.peaktrade.bench;

import org.peaktrade.engine.time.Ticker;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.peaktrade.actors.cluster.ClusterProfile;
import org.peaktrade.actors.cluster.ShardedKillSwitches;
import org.peaktrade.actors.killswitch.EmbeddedJournal;
import org.peaktrade.actors.killswitch.GateSettings;
import org.peaktrade.actors.killswitch.GateView;
import org.peaktrade.actors.killswitch.KillSwitchGate;
import org.peaktrade.actors.killswitch.KillSwitchRuntime;
import org.peaktrade.actors.killswitch.KillSwitchSettings;
import org.peaktrade.actors.killswitch.OpenOrderCanceller;

/**
 * One cluster node inside the benchmark JVM, wired as the actors module's {@code InJvmClusterNode} test fixture wires
 * it: an ActorSystem on the cluster profile on a loopback port, the jdbc journal on one SQLite file under the data dir
 * that every node of the JVM shares, the sharded kill switches, and this node's own gate and view. Sessions are
 * represented by their executors' registrations at the gate: one counting actor stands in for every executor of the
 * node and counts the {@code CancelOpenOrders} it is told.
 */
final class ClusterBenchNode implements AutoCloseable {
  final ActorSystem<Void> system;
  final KillSwitchRuntime killSwitch;
  final GateView gateView;
  final ActorRef<KillSwitchGate.Command> gate;
  final ActorRef<OpenOrderCanceller.Command> executors;
  final LongAdder cancels = new LongAdder();

  private ClusterBenchNode(ActorSystem<Void> system) {
    this.system = system;
    Config config = system.settings().config();
    Clock clock = Clock.systemUTC();
    Waiting.await(EmbeddedJournal.createSchemaIfMissing(system), 60);
    killSwitch = KillSwitchRuntime.start(system, KillSwitchSettings.fromConfig(config), clock,
        Ticker.SYSTEM, List.of(), ShardedKillSwitches.home());
    GateSettings gateSettings = GateSettings.fromConfig(config);
    gateView = new GateView(Ticker.SYSTEM, gateSettings);
    gate = KillSwitchGate.start(system, "gate", gateSettings, gateView, killSwitch);
    executors = system.systemActorOf(Behaviors.receive(OpenOrderCanceller.Command.class)
        .onMessage(OpenOrderCanceller.CancelOpenOrders.class, m -> {
          cancels.increment();
          return Behaviors.same();
        }).build(), "executors", Props.empty());
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

  /** Starts a node on {@code port} that joins the seed on {@code seedPort}; {@code settings} override the rest. */
  static ClusterBenchNode start(String database, Path dataDir, int port, int seedPort, Config settings) {
    Config config = ConfigFactory.load(settings
        .withValue(ClusterProfile.PORT, ConfigValueFactory.fromAnyRef(port))
        .withValue(ClusterProfile.SEED_NODES, ConfigValueFactory.fromIterable(
            List.of(ClusterProfile.seedNode("127.0.0.1:" + seedPort))))
        .withValue(EmbeddedJournal.URL,
            ConfigValueFactory.fromAnyRef(EmbeddedJournal.urlOf(dataDir.resolve(database + ".db"))))
        .withValue("peaktrade.data-dir", ConfigValueFactory.fromAnyRef(dataDir.toAbsolutePath().toString()))
        .withFallback(ConfigFactory.parseString("""
            pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
            pekko.loglevel = WARNING
            """))
        .withFallback(ClusterProfile.config())
        .withFallback(EmbeddedJournal.config()));
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), ClusterProfile.SYSTEM_NAME, config);
    try {
      return new ClusterBenchNode(system);
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

  @Override
  public void close() throws Exception {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
