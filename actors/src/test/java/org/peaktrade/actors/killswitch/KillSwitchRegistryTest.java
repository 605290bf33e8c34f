package org.peaktrade.actors.killswitch;

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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peaktrade.actors.fixtures.Polling;
import org.peaktrade.engine.time.Ticker;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchState;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.TriggerKind;

/** The single-node registry passivates idle session switches and rebuilds them from the journal on demand. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KillSwitchRegistryTest {
  private static final Duration IDLE = Duration.ofMillis(400);
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Config CONFIG = PersistenceTestKitPlugin.config()
      .withFallback(PersistenceTestKitSnapshotPlugin.config())
      .withFallback(ConfigFactory.load());

  private final ActorTestKit testKit = ActorTestKit.create(CONFIG);
  private final List<KillSwitchStatus> published = new CopyOnWriteArrayList<>();
  private final ActorRef<Topic.Command<KillSwitchStatus>> topic =
      testKit.spawn(Topic.create(KillSwitchStatus.class, "registry-test-statuses"));
  private final ActorRef<KillSwitchRegistry.Command> registry = testKit.spawn(KillSwitchRegistry.create(
      new KillSwitchSettings(POLICY, 100, Duration.ofSeconds(5), Duration.ofSeconds(2), IDLE),
      Clock.fixed(T0, ZoneOffset.UTC), Ticker.SYSTEM, topic));

  KillSwitchRegistryTest() {
    topic.tell(Topic.subscribe(testKit.spawn(Behaviors.receiveMessage(status -> {
      published.add(status);
      return Behaviors.same();
    }))));
  }

  @AfterAll
  void shutdown() {
    testKit.shutdownTestKit();
  }

  private Set<KillSwitchScope> entities() {
    TestProbe<Set<KillSwitchScope>> probe = testKit.createTestProbe();
    registry.tell(new KillSwitchRegistry.GetEntities(probe.ref()));
    return probe.receiveMessage();
  }

  private KillSwitchStatus status(KillSwitchScope scope) {
    TestProbe<KillSwitchStatus> probe = testKit.createTestProbe();
    registry.tell(new KillSwitchRegistry.Deliver(scope, new KillSwitch.GetStatus(probe.ref())));
    return probe.receiveMessage();
  }

  private void kill(KillSwitchScope scope) {
    TestProbe<KillSwitchReply> probe = testKit.createTestProbe();
    registry.tell(new KillSwitchRegistry.Deliver(scope,
        new KillSwitch.Trigger(TriggerKind.MANUAL, "alice", "halt", Map.of(), probe.ref())));
    assertThat(probe.receiveMessage().accepted()).isTrue();
  }

  private void awaitPassivated(KillSwitchScope scope) throws InterruptedException {
    Polling.until(scope + " passivated", WAIT, () -> !entities().contains(scope));
  }

  @Test
  void passivatesAnIdleSessionSwitchAndRebuildsItKilledFromTheJournal() throws Exception {
    KillSwitchScope scope = freshScope();
    kill(scope);
    assertThat(entities()).contains(scope);

    awaitPassivated(scope);

    assertThat(status(scope).state()).isEqualTo(KillSwitchState.KILLED);
    assertThat(status(scope).revision()).isEqualTo(1);
    assertThat(entities()).contains(scope);
  }

  @Test
  void keepsASwitchThatIsAskedForItsStatusRegularlyAsTheGateDoesForARunningSession() throws Exception {
    KillSwitchScope refreshed = freshScope();
    KillSwitchScope idle = freshScope();
    status(refreshed);
    status(idle);
    TestProbe<KillSwitchStatus> answers = testKit.createTestProbe();
    AtomicBoolean refreshing = new AtomicBoolean(true);
    Cancellable gate = testKit.system().scheduler().scheduleAtFixedRate(Duration.ZERO, IDLE.dividedBy(4), () -> {
      if (refreshing.get()) {
        registry.tell(new KillSwitchRegistry.Deliver(refreshed, new KillSwitch.GetStatus(answers.ref())));
      }
    }, testKit.system().executionContext());
    try {
      awaitPassivated(idle);
      KillSwitchScope later = freshScope();
      status(later);
      awaitPassivated(later);

      assertThat(entities()).contains(refreshed);
    } finally {
      refreshing.set(false);
      gate.cancel();
    }
    assertThat(published).as("statuses published by the refreshed switch: one per start")
        .filteredOn(status -> status.scope().equals(refreshed)).hasSize(1);
  }

  @Test
  void neverPassivatesTheGlobalSwitch() throws Exception {
    status(KillSwitchScope.GLOBAL);
    KillSwitchScope idle = freshScope();
    status(idle);

    awaitPassivated(idle);

    assertThat(entities()).contains(KillSwitchScope.GLOBAL);
  }
}
