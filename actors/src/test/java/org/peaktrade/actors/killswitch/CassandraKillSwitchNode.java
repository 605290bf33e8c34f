package org.peaktrade.actors.killswitch;

import static org.peaktrade.actors.fixtures.KillSwitchFixtures.HASH;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.peaktrade.actors.fixtures.AdvanceableClock;
import org.peaktrade.actors.fixtures.LocalCassandra;

/**
 * One "node" on the Cassandra profile for the ITs: an ActorSystem configured the way the node layers
 * {@code config/persistence-cassandra.conf} over the embedded defaults, with the kill-switch runtime and its
 * journal-writable check. Closing it terminates the ActorSystem, as a node restart would.
 */
final class CassandraKillSwitchNode implements AutoCloseable {
  static final Duration ASK_TIMEOUT = Duration.ofSeconds(3);

  final ActorSystem<Void> system;
  final KillSwitchRuntime runtime;

  private CassandraKillSwitchNode(ActorSystem<Void> system, KillSwitchRuntime runtime) {
    this.system = system;
    this.runtime = runtime;
  }

  /**
   * {@code settings} are HOCON lines over the profile, e.g. {@code peaktrade.kill-switch.snapshot-every = 3}. The
   * clock is the ticker too, so moving it moves cooldowns on.
   */
  static CassandraKillSwitchNode start(LocalCassandra cassandra, AdvanceableClock clock, String... settings) {
    Config config = ConfigFactory.load(ConfigFactory.parseString(String.join("\n", settings))
        .withValue("peaktrade.kill-switch.approval-code-hash", ConfigValueFactory.fromAnyRef(HASH))
        .withValue("peaktrade.kill-switch.ask-timeout", ConfigValueFactory.fromAnyRef(ASK_TIMEOUT.toMillis() + "ms"))
        .withValue("peaktrade.kill-switch.health-check-timeout",
            ConfigValueFactory.fromAnyRef(ASK_TIMEOUT.toMillis() + "ms"))
        .withFallback(cassandra.profile())
        .withFallback(EmbeddedJournal.config()));
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "peaktrade", config);
    KillSwitchSettings killSwitch = KillSwitchSettings.fromConfig(config);
    KillSwitchRuntime runtime = KillSwitchRuntime.start(system, killSwitch, clock, clock,
        List.of(JournalWritableCheck.start(system, killSwitch.healthCheckTimeout())));
    return new CassandraKillSwitchNode(system, runtime);
  }

  /** The answer within 30 s; a failed stage throws. */
  static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws Exception {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
