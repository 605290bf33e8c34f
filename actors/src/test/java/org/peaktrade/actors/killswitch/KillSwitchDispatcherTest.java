package org.peaktrade.actors.killswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.POLICY;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.T0;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.freshScope;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peaktrade.actors.fixtures.AdvanceableClock;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchState;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;

/**
 * The switches (and the gate that asks them) run on a dispatcher of their own: a node whose sessions keep every
 * thread of the default dispatcher busy (catching up at full speed) still gets its running switches' answers, where
 * the gate would otherwise see its views go stale and block orders. The default dispatcher here is two fixed threads,
 * both held by actors that wait for the test to let them go. What still goes through the default dispatcher: a
 * switch's recovery (Pekko's recovery permitter) and its journal writes (the JDBC and test-kit journal plugins run
 * there), so a trigger or a switch rebuilt after passivation waits for the sessions' load.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KillSwitchDispatcherTest {
  private static final Config CONFIG = ConfigFactory.parseString("""
          pekko.actor.default-dispatcher {
            executor = "thread-pool-executor"
            thread-pool-executor.fixed-pool-size = 2
          }
          peaktrade.persistence.read-journal = "pekko.persistence.testkit.query"
          """)
      .withFallback(PersistenceTestKitPlugin.config())
      .withFallback(PersistenceTestKitSnapshotPlugin.config())
      .withFallback(ConfigFactory.load());

  private final ActorTestKit testKit = ActorTestKit.create(CONFIG);
  private final AdvanceableClock clock = new AdvanceableClock(T0);

  @AfterAll
  void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  void runningSwitchesAnswerWhileEveryThreadOfTheDefaultDispatcherIsBusy() throws Exception {
    KillSwitchRuntime runtime = KillSwitchRuntime.start(testKit.system(),
        new KillSwitchSettings(POLICY, 100, Duration.ofSeconds(5), Duration.ofSeconds(1)), clock, clock, List.of());
    KillSwitchScope scope = freshScope();
    // Recovered first, as the switches of running sessions are (the gate keeps asking them): a recovery waits for
    // Pekko's recovery permitter, which runs on the default dispatcher.
    KillSwitchStatus active = runtime.status(scope).toCompletableFuture().get(10, TimeUnit.SECONDS);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch busy = new CountDownLatch(2);
    for (int i = 0; i < 2; i++) {
      ActorRef<String> hog = testKit.spawn(Behaviors.receiveMessage(message -> {
        busy.countDown();
        release.await(30, TimeUnit.SECONDS);
        return Behaviors.same();
      }));
      hog.tell("hold the thread");
    }
    try {
      assertThat(busy.await(10, TimeUnit.SECONDS)).as("both default threads held").isTrue();

      KillSwitchStatus stillActive = runtime.status(scope).toCompletableFuture().get(10, TimeUnit.SECONDS);
      KillSwitchStatus global = runtime.status(KillSwitchScope.GLOBAL).toCompletableFuture().get(10, TimeUnit.SECONDS);

      assertThat(active.state()).isEqualTo(KillSwitchState.ACTIVE);
      assertThat(stillActive.state()).isEqualTo(KillSwitchState.ACTIVE);
      assertThat(global.state()).isEqualTo(KillSwitchState.ACTIVE);
      assertThat(release.getCount()).as("the default dispatcher was still held").isEqualTo(1);
    } finally {
      release.countDown();
    }
  }
}
