package org.peaktrade.actors.killswitch;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peaktrade.actors.fixtures.AdvanceableClock;
import org.peaktrade.actors.fixtures.RecordingKillSwitchService;
import org.peaktrade.actors.fixtures.Statuses;
import org.peaktrade.engine.killswitch.GateDecision;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.TriggerKind;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
class KillSwitchGateTest {
  private static final KillSwitchScope GLOBAL = KillSwitchScope.GLOBAL;
  private static final KillSwitchScope S1 = KillSwitchScope.session("s1");
  private static final KillSwitchScope S2 = KillSwitchScope.session("s2");
  private static final AtomicInteger TOPICS = new AtomicInteger();

  @JUnit5TestKit
  final ActorTestKit testKit = new JUnit5TestKitBuilder()
      .withCustomConfig(ManualTime.config().withFallback(ConfigFactory.load())).build();

  private final GateSettings settings = new GateSettings(Duration.ofSeconds(5), Duration.ofSeconds(1));
  private ManualTime time;
  private AdvanceableClock clock;
  private RecordingKillSwitchService service;
  private GateView view;
  private ActorRef<Topic.Command<KillSwitchStatus>> topic;
  private ActorRef<KillSwitchGate.Command> gate;
  private TestProbe<OpenOrderCanceller.Command> executor1;
  private TestProbe<OpenOrderCanceller.Command> executor2;

  @BeforeEach
  void startGate() {
    time = ManualTime.get(testKit.system());
    clock = new AdvanceableClock(Statuses.T0);
    service = new RecordingKillSwitchService();
    view = new GateView(clock, settings);
    topic = testKit.spawn(Topic.create(KillSwitchStatus.class, "kill-switch-status-" + TOPICS.incrementAndGet()));
    executor1 = testKit.createTestProbe();
    executor2 = testKit.createTestProbe();
  }

  private void spawnGate() {
    gate = testKit.spawn(KillSwitchGate.create(settings, view, service, topic));
    TestProbe<Topic.TopicStats> stats = testKit.createTestProbe();
    stats.awaitAssert(() -> {
      topic.tell(Topic.getTopicStats(stats.getRef()));
      assertThat(stats.receiveMessage().localSubscriberCount()).isEqualTo(1);
      return null;
    });
    gate.tell(new KillSwitchGate.Register("s1", executor1.getRef()));
    gate.tell(new KillSwitchGate.Register("s2", executor2.getRef()));
  }

  private void publish(KillSwitchStatus status) {
    topic.tell(Topic.publish(status));
  }

  private void awaitDecision(String sessionId, GateDecision expected) {
    executor1.awaitAssert(() -> {
      assertThat(view.check(sessionId)).isEqualTo(expected);
      return null;
    });
  }

  private void publishActive(long revision) {
    publish(Statuses.active(GLOBAL, revision));
    publish(Statuses.active(S1, revision));
    publish(Statuses.active(S2, revision));
    awaitDecision("s2", GateDecision.ALLOWED);
  }

  @Test
  void blocksEverySessionWhileNothingIsKnown() {
    spawnGate();
    assertThat(view.check("s1").message()).isEqualTo("global: unknown");
    publish(Statuses.active(GLOBAL, 1));
    awaitDecision("s1", GateDecision.blocked("session:s1", "unknown"));
  }

  @Test
  void allowsASessionWhoseSwitchAndTheGlobalOneAreActiveAndFresh() {
    spawnGate();
    publishActive(1);
    assertThat(view.check("s1")).isSameAs(GateDecision.ALLOWED);
  }

  @Test
  void blocksOnceTheViewIsOlderThanStaleAfter() {
    spawnGate();
    publishActive(1);
    clock.advance(Duration.ofMillis(7_200));
    assertThat(view.check("s1").message()).isEqualTo("global: stale for 7.2s");
  }

  @Test
  void blocksAKilledSessionNamingKindIdentityAndReason() {
    spawnGate();
    publishActive(1);
    publish(Statuses.killed(S1, 2, TriggerKind.MANUAL, "ops@x", "fat finger"));
    awaitDecision("s1", GateDecision.blocked("session:s1", "KILLED by MANUAL (ops@x): fat finger"));
    assertThat(view.check("s2").allowed()).isTrue();
  }

  @Test
  void blocksARecoveringSession() {
    spawnGate();
    publishActive(1);
    publish(Statuses.recovering(S1, 3));
    awaitDecision("s1", GateDecision.blocked("session:s1", "RECOVERING"));
  }

  @Test
  void aGlobalKillBlocksASessionWhoseOwnSwitchIsActive() {
    spawnGate();
    publishActive(1);
    publish(Statuses.killed(GLOBAL, 2, TriggerKind.THRESHOLD, "threshold:drawdown-from-peak", "drawdown"));
    awaitDecision("s1",
        GateDecision.blocked("global", "KILLED by THRESHOLD (threshold:drawdown-from-peak): drawdown"));
  }

  @Test
  void anOlderRevisionDoesNotOverwriteANewerOne() {
    spawnGate();
    publishActive(1);
    publish(Statuses.killed(S1, 5));
    publish(Statuses.active(S1, 4));
    publish(Statuses.recovering(S2, 2));
    awaitDecision("s2", GateDecision.blocked("session:s2", "RECOVERING"));
    assertThat(view.check("s1").reason()).startsWith("KILLED");
  }

  @Test
  void tellsOnlyTheKilledSessionsExecutorToCancelItsOpenOrders() {
    spawnGate();
    publishActive(1);
    publish(Statuses.killed(S1, 2));
    assertThat(executor1.expectMessageClass(OpenOrderCanceller.CancelOpenOrders.class))
        .isEqualTo(new OpenOrderCanceller.CancelOpenOrders(S1, "session:s1: KILLED by MANUAL (ops@x): fat finger"));
    executor2.expectNoMessage(Duration.ofMillis(100));
  }

  @Test
  void aGlobalKillTellsEveryExecutorOnceAndARepeatedKillNotAgain() {
    spawnGate();
    publishActive(1);
    publish(Statuses.killed(GLOBAL, 2));
    publish(Statuses.killed(GLOBAL, 3));
    executor1.expectMessageClass(OpenOrderCanceller.CancelOpenOrders.class);
    executor2.expectMessageClass(OpenOrderCanceller.CancelOpenOrders.class);
    executor1.expectNoMessage(Duration.ofMillis(100));
  }

  @Test
  void anExecutorRegisteringWhileItsSessionIsKilledIsToldAtOnce() {
    spawnGate();
    publishActive(1);
    publish(Statuses.killed(GLOBAL, 2));
    executor1.expectMessageClass(OpenOrderCanceller.CancelOpenOrders.class);
    TestProbe<OpenOrderCanceller.Command> late = testKit.createTestProbe();
    gate.tell(new KillSwitchGate.Register("s3", late.getRef()));
    assertThat(late.expectMessageClass(OpenOrderCanceller.CancelOpenOrders.class).scope()).isEqualTo(GLOBAL);
  }

  @Test
  void theRefreshTimerHealsAMissedPush() {
    service.answerStatus(Statuses.active(GLOBAL, 1));
    service.answerStatus(Statuses.active(S1, 1));
    service.answerStatus(Statuses.active(S2, 1));
    spawnGate();
    awaitDecision("s1", GateDecision.ALLOWED);
    service.answerStatus(Statuses.killed(GLOBAL, 2));
    time.timePasses(Duration.ofSeconds(1));
    awaitDecision("s1", GateDecision.blocked("global", "KILLED by MANUAL (ops@x): fat finger"));
    executor1.expectMessageClass(OpenOrderCanceller.CancelOpenOrders.class);
  }

  @Test
  void theRefreshTimerKeepsAnUnchangedViewFresh() {
    service.answerStatus(Statuses.active(GLOBAL, 1));
    service.answerStatus(Statuses.active(S1, 1));
    spawnGate();
    awaitDecision("s1", GateDecision.ALLOWED);
    for (int second = 0; second < 10; second++) {
      clock.advance(Duration.ofSeconds(1));
      time.timePasses(Duration.ofSeconds(1));
    }
    awaitDecision("s1", GateDecision.ALLOWED);
  }

  @Test
  void anUnregisteredSessionIsBlockedAsUnknown() {
    spawnGate();
    publishActive(1);
    gate.tell(new KillSwitchGate.Unregister("s1"));
    awaitDecision("s1", GateDecision.blocked("session:s1", "unknown"));
  }

  @Test
  void aSessionWhoseExecutorStoppedIsForgottenAndNoLongerRefreshed() {
    service.answerStatus(Statuses.active(GLOBAL, 1));
    service.answerStatus(Statuses.active(S1, 1));
    service.answerStatus(Statuses.active(S2, 1));
    spawnGate();
    awaitDecision("s1", GateDecision.ALLOWED);

    executor1.stop();

    awaitDecision("s1", GateDecision.blocked("session:s1", "unknown"));
    for (int second = 0; second < 4; second++) {
      clock.advance(Duration.ofSeconds(1));
      time.timePasses(Duration.ofSeconds(1));
    }
    executor2.awaitAssert(() -> {
      assertThat(service.statusRequests()).isNotEmpty();
      assertThat(service.statusRequests().get(service.statusRequests().size() - 1)).contains(GLOBAL)
          .doesNotContain(S1);
      return null;
    });
    assertThat(view.check("s2")).isEqualTo(GateDecision.ALLOWED);
  }

  @Test
  void theStopOfAnExecutorThatWasReplacedLeavesTheNewOneRegistered() {
    spawnGate();
    publishActive(1);
    TestProbe<OpenOrderCanceller.Command> restarted = testKit.createTestProbe();
    gate.tell(new KillSwitchGate.Register("s1", restarted.getRef()));

    executor1.stop();
    publish(Statuses.killed(S1, 2));

    assertThat(restarted.expectMessageClass(OpenOrderCanceller.CancelOpenOrders.class).scope()).isEqualTo(S1);
  }

  /** A registrant as a {@link org.peaktrade.actors.session.TradingSession} registers: through a message adapter. */
  private ActorRef<String> crashingExecutor(String sessionId) {
    return testKit.spawn(Behaviors.<String>setup(context -> {
      gate.tell(new KillSwitchGate.Register(sessionId,
          context.messageAdapter(OpenOrderCanceller.Command.class, command -> "cancel")));
      return Behaviors.receiveMessage(message -> {
        throw new IllegalStateException("crashed on purpose");
      });
    }));
  }

  private Set<String> registered() {
    TestProbe<KillSwitchGate.Registered> probe = testKit.createTestProbe();
    gate.tell(new KillSwitchGate.GetRegistered(probe.getRef()));
    return probe.receiveMessage().sessionIds();
  }

  @Test
  void aSessionWhoseExecutorCrashedIsForgottenLikeOneThatStopped() {
    service.answerStatus(Statuses.active(GLOBAL, 1));
    service.answerStatus(Statuses.active(KillSwitchScope.session("s3"), 1));
    spawnGate();
    ActorRef<String> executor = crashingExecutor("s3");
    awaitDecision("s3", GateDecision.ALLOWED);
    assertThat(registered()).containsExactlyInAnyOrder("s1", "s2", "s3");

    executor.tell("crash");

    awaitDecision("s3", GateDecision.blocked("session:s3", "unknown"));
    assertThat(registered()).containsExactlyInAnyOrder("s1", "s2");
  }
}
