package org.peaktrade.actors.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.POLICY;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.T0;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.freshScope;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peaktrade.actors.fixtures.Polling;
import org.peaktrade.actors.killswitch.KillSwitchRuntime;
import org.peaktrade.actors.killswitch.KillSwitchSettings;
import org.peaktrade.engine.time.Ticker;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchState;
import org.peaktrade.protocol.killswitch.TriggerKind;

/** In a (one-member) cluster, sharding passivates an idle kill-switch entity, which comes back KILLED. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShardedKillSwitchesTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Config CONFIG = ConfigFactory.parseString("""
          pekko.actor.provider = cluster
          pekko.remote.artery.canonical.hostname = 127.0.0.1
          pekko.remote.artery.canonical.port = 0
          pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
          pekko.loglevel = WARNING
          peaktrade.persistence.read-journal = "pekko.persistence.testkit.query"
          """)
      .withFallback(PersistenceTestKitPlugin.config())
      .withFallback(PersistenceTestKitSnapshotPlugin.config())
      .withFallback(ConfigFactory.load());

  private final ActorTestKit testKit = ActorTestKit.create("sharded-kill-switches", CONFIG);
  private final KillSwitchRuntime runtime;

  ShardedKillSwitchesTest() throws InterruptedException {
    Cluster cluster = Cluster.get(testKit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    Polling.until("this member is up", WAIT, () -> cluster.selfMember().status() == MemberStatus.up());
    runtime = KillSwitchRuntime.start(testKit.system(),
        new KillSwitchSettings(POLICY, 100, Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(1)),
        Clock.fixed(T0, ZoneOffset.UTC), Ticker.SYSTEM, List.of(), ShardedKillSwitches.home());
  }

  @AfterAll
  void shutdown() {
    testKit.shutdownTestKit();
  }

  private Set<String> entityIds() {
    TestProbe<ShardRegion.CurrentShardRegionState> probe = testKit.createTestProbe();
    ClusterSharding.get(testKit.system()).shardState()
        .tell(new GetShardRegionState(ShardedKillSwitches.TYPE_KEY, probe.ref()));
    return probe.receiveMessage().getShards().stream().flatMap(shard -> shard.getEntityIds().stream())
        .collect(Collectors.toSet());
  }

  @Test
  void passivatesAnIdleSwitchWhichRecoversKilledFromTheJournal() throws Exception {
    KillSwitchScope scope = freshScope();
    assertThat(runtime.trigger(scope, TriggerKind.MANUAL, "alice", "halt", Map.of()).toCompletableFuture()
        .get(10, TimeUnit.SECONDS).accepted()).isTrue();
    assertThat(entityIds()).contains(scope.value());

    Polling.until(scope + " passivated by sharding", WAIT, () -> !entityIds().contains(scope.value()));

    assertThat(runtime.status(scope).toCompletableFuture().get(10, TimeUnit.SECONDS).state())
        .isEqualTo(KillSwitchState.KILLED);
    assertThat(entityIds()).contains(scope.value());
  }
}
