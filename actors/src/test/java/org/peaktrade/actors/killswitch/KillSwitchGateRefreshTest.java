package org.peaktrade.actors.killswitch;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
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

/**
 * The gate's refresh with the default 5 s stale-after and 1 s refresh: one batch per refresh, the global switch
 * every time, a session only once its view is 3 s old. Each tick advances the gate's clock and the scheduler by one
 * refresh interval and waits until the gate has sent that tick's batch (answers are told before the batch is
 * recorded, so they are in the gate's mailbox ahead of anything the test sends afterwards).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
class KillSwitchGateRefreshTest {
  private static final KillSwitchScope GLOBAL = KillSwitchScope.GLOBAL;
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
  private TestProbe<OpenOrderCanceller.Command> executor;
  private List<String> sessionIds;

  @BeforeEach
  void startGate() {
    time = ManualTime.get(testKit.system());
    clock = new AdvanceableClock(Statuses.T0);
    service = new RecordingKillSwitchService();
    view = new GateView(clock, settings);
    topic = testKit.spawn(Topic.create(KillSwitchStatus.class, "gate-refresh-status-" + TOPICS.incrementAndGet()));
    executor = testKit.createTestProbe();
  }

  /** Starts the gate with {@code sessions} ACTIVE sessions registered and waits until every one is allowed. */
  private void spawnGateWithActiveSessions(int sessions) {
    service.answerStatus(Statuses.active(GLOBAL, 1));
    sessionIds = new ArrayList<>();
    for (int i = 1; i <= sessions; i++) {
      sessionIds.add("s" + i);
      service.answerStatus(Statuses.active(KillSwitchScope.session("s" + i), 1));
    }
    gate = testKit.spawn(KillSwitchGate.create(settings, view, service, topic));
    TestProbe<Topic.TopicStats> stats = testKit.createTestProbe();
    stats.awaitAssert(() -> {
      topic.tell(Topic.getTopicStats(stats.getRef()));
      assertThat(stats.receiveMessage().localSubscriberCount()).isEqualTo(1);
      return null;
    });
    sessionIds.forEach(id -> gate.tell(new KillSwitchGate.Register(id, executor.getRef())));
    awaitRequests(1 + sessions);
    sessionIds.forEach(id -> awaitDecision(id, GateDecision.ALLOWED));
  }

  private void awaitRequests(int count) {
    executor.awaitAssert(() -> {
      assertThat(service.statusRequests()).hasSize(count);
      return null;
    });
  }

  private void awaitDecision(String sessionId, GateDecision expected) {
    executor.awaitAssert(() -> {
      assertThat(view.check(sessionId)).isEqualTo(expected);
      return null;
    });
  }

  /** One refresh interval passes; returns the batch the gate asked for. */
  private List<KillSwitchScope> tick() {
    int before = service.statusRequests().size();
    clock.advance(settings.refreshInterval());
    time.timePasses(settings.refreshInterval());
    awaitRequests(before + 1);
    return service.statusRequests().get(before);
  }

  private static List<KillSwitchScope> scopes(List<String> sessionIds) {
    List<KillSwitchScope> scopes = new ArrayList<>();
    scopes.add(GLOBAL);
    sessionIds.forEach(id -> scopes.add(KillSwitchScope.session(id)));
    return scopes;
  }

  @Test
  void asksEveryRefreshForTheGlobalSwitchAndForAnIdleSessionOnlyEveryThirdInOneBatch() {
    spawnGateWithActiveSessions(100);
    List<Integer> batchSizes = new ArrayList<>();
    for (int second = 1; second <= 6; second++) {
      List<KillSwitchScope> batch = tick();
      batchSizes.add(batch.size());
      if (second % 3 == 0) {
        assertThat(batch).containsExactlyInAnyOrderElementsOf(scopes(sessionIds));
      } else {
        assertThat(batch).containsExactly(GLOBAL);
      }
    }
    assertThat(batchSizes).containsExactly(1, 1, 101, 1, 1, 101);
    sessionIds.forEach(id -> awaitDecision(id, GateDecision.ALLOWED));
  }

  @Test
  void aMissedSessionKillHealsBeforeTheViewWouldGoStale() {
    spawnGateWithActiveSessions(2);
    service.answerStatus(Statuses.killed(KillSwitchScope.session("s1"), 2));
    tick();
    tick();
    assertThat(tick()).contains(KillSwitchScope.session("s1"));
    awaitDecision("s1", GateDecision.blocked("session:s1", "KILLED by MANUAL (ops@x): fat finger"));
    assertThat(executor.expectMessageClass(OpenOrderCanceller.CancelOpenOrders.class).scope())
        .isEqualTo(KillSwitchScope.session("s1"));
    assertThat(view.check("s2")).isSameAs(GateDecision.ALLOWED);
  }

  @Test
  void aSessionWhoseSwitchStopsAnsweringIsAskedEveryRefreshThenBlockedAsStale() {
    spawnGateWithActiveSessions(2);
    service.stopAnswering(KillSwitchScope.session("s1"));
    List<List<KillSwitchScope>> batches = new ArrayList<>();
    for (int second = 1; second <= 6; second++) {
      batches.add(tick());
    }
    assertThat(batches).extracting(batch -> batch.contains(KillSwitchScope.session("s1")))
        .containsExactly(false, false, true, true, true, true);
    awaitDecision("s1", GateDecision.blocked("session:s1", "stale for 6.0s"));
    assertThat(view.check("s2")).isSameAs(GateDecision.ALLOWED);
  }

  @Test
  void anOlderRefreshAnswerDoesNotOverwriteAPushedKill() {
    spawnGateWithActiveSessions(2);
    topic.tell(Topic.publish(Statuses.killed(KillSwitchScope.session("s1"), 2)));
    awaitDecision("s1", GateDecision.blocked("session:s1", "KILLED by MANUAL (ops@x): fat finger"));
    tick();
    tick();
    assertThat(tick()).contains(KillSwitchScope.session("s1"));
    topic.tell(Topic.publish(Statuses.recovering(KillSwitchScope.session("s2"), 2)));
    awaitDecision("s2", GateDecision.blocked("session:s2", "RECOVERING"));
    assertThat(view.check("s1")).isEqualTo(
        GateDecision.blocked("session:s1", "KILLED by MANUAL (ops@x): fat finger"));
  }
}
