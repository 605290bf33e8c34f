package org.peaktrade.actors.killswitch;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.LoggingTestKit;
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
import org.peaktrade.engine.killswitch.ScopeView;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;

/**
 * The gate's refresh with the default 5 s stale-after and 1 s refresh: one batch per refresh, the global switch
 * every time, an idle session every third refresh (once its view is 2.5 s old), a session never answered every
 * time. Refresh n happens n seconds after the gate started: the gate's clock moves there and the timer fires; the
 * test then waits until the gate has sent that refresh's batch and has applied the answers told at once (so the
 * clock does not move on under answers still in the mailbox), unless the test holds them to release them later (an
 * answer that arrives well after its refresh).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
class KillSwitchGateRefreshTest {
  private static final KillSwitchScope GLOBAL = KillSwitchScope.GLOBAL;
  private static final KillSwitchScope S1 = KillSwitchScope.session("s1");
  private static final KillSwitchScope S2 = KillSwitchScope.session("s2");
  private static final Duration LATENCY = Duration.ofMillis(400);
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
  private int refreshes;

  @BeforeEach
  void startGate() {
    time = ManualTime.get(testKit.system());
    clock = new AdvanceableClock(Statuses.T0);
    service = new RecordingKillSwitchService();
    view = new GateView(clock, settings);
    topic = testKit.spawn(Topic.create(KillSwitchStatus.class, "gate-refresh-status-" + TOPICS.incrementAndGet()));
    executor = testKit.createTestProbe();
    refreshes = 0;
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

  private void awaitConfirmedNow(KillSwitchScope scope) {
    executor.awaitAssert(() -> {
      assertThat(view.get(scope).confirmedAtMillis()).isEqualTo(clock.millis());
      return null;
    });
  }

  /** Waits until the gate has applied {@code answer}: confirmed now, or ignored for a newer revision it holds. */
  private void awaitApplied(KillSwitchStatus answer) {
    executor.awaitAssert(() -> {
      ScopeView held = view.get(answer.scope());
      assertThat(held).isNotNull();
      assertThat(held.confirmedAtMillis() == clock.millis() || held.status().revision() > answer.revision())
          .as("%s applied", answer).isTrue();
      return null;
    });
  }

  /** The next refresh; returns the batch the gate asked for once it has applied the answers told at once. */
  private List<KillSwitchScope> refresh() {
    int before = service.statusRequests().size();
    refreshes++;
    Instant at = Statuses.T0.plus(settings.refreshInterval().multipliedBy(refreshes));
    clock.advance(Duration.between(clock.instant(), at));
    time.timePasses(settings.refreshInterval());
    awaitRequests(before + 1);
    service.answeredAtOnce(before).forEach(this::awaitApplied);
    return service.statusRequests().get(before);
  }

  /** The held answers to {@code batch} (all but {@code lost}) arrive now; waits until the gate has them. */
  private void answersArrive(List<KillSwitchScope> batch, List<KillSwitchScope> lost) {
    service.releaseHeldAnswers();
    batch.stream().filter(scope -> !lost.contains(scope)).forEach(this::awaitConfirmedNow);
  }

  private long ageMillis(KillSwitchScope scope) {
    return clock.millis() - view.get(scope).confirmedAtMillis();
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
    int batchesBefore = service.statusRequests().size();
    List<Integer> batchSizes = new ArrayList<>();
    for (int second = 1; second <= 6; second++) {
      List<KillSwitchScope> batch = refresh();
      batchSizes.add(batch.size());
      if (second % 3 == 0) {
        assertThat(batch).containsExactlyInAnyOrderElementsOf(scopes(sessionIds));
      } else {
        assertThat(batch).containsExactly(GLOBAL);
      }
    }
    assertThat(batchSizes).containsExactly(1, 1, 101, 1, 1, 101);
    assertThat(service.statusRequests()).hasSize(batchesBefore + 6);
    sessionIds.forEach(id -> awaitDecision(id, GateDecision.ALLOWED));
  }

  @Test
  void answersArrivingWellAfterTheirRefreshKeepAnIdleSessionOnEveryThirdRefresh() {
    spawnGateWithActiveSessions(3);
    service.holdAnswers();
    List<Boolean> sessionsAsked = new ArrayList<>();
    long oldestSessionViewMillis = 0;
    for (int second = 1; second <= 9; second++) {
      List<KillSwitchScope> batch = refresh();
      if (batch.size() > 1) {
        assertThat(batch).containsExactlyInAnyOrderElementsOf(scopes(sessionIds));
      } else {
        assertThat(batch).containsExactly(GLOBAL);
      }
      sessionsAsked.add(batch.size() > 1);
      clock.advance(LATENCY);
      oldestSessionViewMillis = Math.max(oldestSessionViewMillis, ageMillis(S1));
      answersArrive(batch, List.of());
      sessionIds.forEach(id -> assertThat(view.check(id)).isSameAs(GateDecision.ALLOWED));
    }
    assertThat(sessionsAsked).containsExactly(false, false, true, false, false, true, false, false, true);
    assertThat(oldestSessionViewMillis)
        .isEqualTo(3_400)
        .isLessThanOrEqualTo(settings.sessionDueAge().plus(settings.refreshInterval()).toMillis());
  }

  @Test
  void aMissedSessionKillHealsWithinTheDueAgePlusOneRefreshLongBeforeTheViewWouldGoStale() {
    spawnGateWithActiveSessions(2);
    Instant lastConfirmed = clock.instant();
    service.answerStatus(Statuses.killed(S1, 2));
    refresh();
    refresh();
    assertThat(view.check("s1")).isSameAs(GateDecision.ALLOWED);

    assertThat(refresh()).contains(S1);

    awaitDecision("s1", GateDecision.blocked("session:s1", "KILLED by MANUAL (ops@x): fat finger"));
    assertThat(Duration.between(lastConfirmed, clock.instant()))
        .isLessThanOrEqualTo(settings.sessionDueAge().plus(settings.refreshInterval()))
        .isLessThan(settings.staleAfter());
    assertThat(executor.expectMessageClass(OpenOrderCanceller.CancelOpenOrders.class).scope()).isEqualTo(S1);
    assertThat(view.check("s2")).isSameAs(GateDecision.ALLOWED);
  }

  @Test
  void aMissedGlobalKillHealsAtTheNextRefreshAndCancelsEverySessionsOrders() {
    spawnGateWithActiveSessions(2);
    service.answerStatus(Statuses.killed(GLOBAL, 2));

    assertThat(refresh()).containsExactly(GLOBAL);

    awaitDecision("s2", GateDecision.blocked("global", "KILLED by MANUAL (ops@x): fat finger"));
    assertThat(executor.receiveSeveralMessages(2))
        .extracting(command -> ((OpenOrderCanceller.CancelOpenOrders) command).scope())
        .containsExactly(GLOBAL, GLOBAL);
  }

  @Test
  void aSessionWhoseSwitchStopsAnsweringIsAskedEveryRefreshBlockedOnceStaleAndFreedWhenItAnswersAgain() {
    spawnGateWithActiveSessions(2);
    service.stopAnswering(S1);
    List<Boolean> s1Asked = new ArrayList<>();
    for (int second = 1; second <= 5; second++) {
      s1Asked.add(refresh().contains(S1));
    }
    assertThat(view.check("s1")).isSameAs(GateDecision.ALLOWED);

    s1Asked.add(refresh().contains(S1));

    assertThat(s1Asked).containsExactly(false, false, true, true, true, true);
    assertThat(view.check("s1")).isEqualTo(GateDecision.blocked("session:s1", "stale for 6.0s"));
    assertThat(view.check("s2")).isSameAs(GateDecision.ALLOWED);

    service.answerStatus(Statuses.active(S1, 1));
    assertThat(refresh()).contains(S1);
    awaitDecision("s1", GateDecision.ALLOWED);
  }

  @Test
  void aLostAnswerIsAskedForAgainAtTheNextRefreshAndTheSessionIsNeverBlocked() {
    spawnGateWithActiveSessions(2);
    service.holdAnswers();
    List<Boolean> s1Asked = new ArrayList<>();
    long oldestS1ViewMillis = 0;
    for (int second = 1; second <= 6; second++) {
      if (second == 3) {
        service.loseNextAnswer(S1);
      }
      List<KillSwitchScope> batch = refresh();
      s1Asked.add(batch.contains(S1));
      clock.advance(LATENCY);
      oldestS1ViewMillis = Math.max(oldestS1ViewMillis, ageMillis(S1));
      assertThat(view.check("s1")).isSameAs(GateDecision.ALLOWED);
      answersArrive(batch, second == 3 ? List.of(S1) : List.of());
    }
    assertThat(s1Asked).containsExactly(false, false, true, true, false, false);
    assertThat(oldestS1ViewMillis).isEqualTo(4_400).isLessThan(settings.staleAfter().toMillis());
  }

  @Test
  void warnsAboutASwitchOnlyOnceItMissedTheAnswerToTheRefreshBefore() {
    spawnGateWithActiveSessions(2);
    service.stopAnswering(S1);
    List<KillSwitchScope> askedAgain = LoggingTestKit.warn("did not answer").withOccurrences(0)
        .expect(testKit.system(), () -> {
          refresh();
          refresh();
          return refresh();
        });
    assertThat(askedAgain).contains(S1, S2);

    LoggingTestKit.warn("1 kill switches did not answer the last refresh").expect(testKit.system(), this::refresh);
  }

  @Test
  void aSessionNeverAnsweredIsBlockedAsUnknownAndAskedEveryRefreshUntilItAnswers() {
    spawnGateWithActiveSessions(1);
    KillSwitchScope silent = KillSwitchScope.session("silent");
    int batchesBefore = service.statusRequests().size();
    gate.tell(new KillSwitchGate.Register("silent", executor.getRef()));
    awaitRequests(batchesBefore + 1);

    for (int second = 1; second <= 3; second++) {
      assertThat(refresh()).contains(silent);
      assertThat(view.check("silent")).isEqualTo(GateDecision.blocked("session:silent", "unknown"));
    }

    service.answerStatus(Statuses.active(silent, 1));
    assertThat(refresh()).contains(silent);
    awaitDecision("silent", GateDecision.ALLOWED);
  }

  @Test
  void anUnregisteredSessionIsNoLongerAskedFor() {
    spawnGateWithActiveSessions(2);
    gate.tell(new KillSwitchGate.Unregister("s1"));
    awaitDecision("s1", GateDecision.blocked("session:s1", "unknown"));

    List<KillSwitchScope> asked = new ArrayList<>();
    for (int second = 1; second <= 3; second++) {
      asked.addAll(refresh());
    }

    assertThat(asked).contains(S2).doesNotContain(S1);
  }

  @Test
  void anOlderRefreshAnswerDoesNotOverwriteAPushedKill() {
    spawnGateWithActiveSessions(2);
    topic.tell(Topic.publish(Statuses.killed(S1, 2)));
    awaitDecision("s1", GateDecision.blocked("session:s1", "KILLED by MANUAL (ops@x): fat finger"));
    refresh();
    refresh();
    assertThat(refresh()).contains(S1);
    topic.tell(Topic.publish(Statuses.recovering(S2, 2)));
    awaitDecision("s2", GateDecision.blocked("session:s2", "RECOVERING"));
    assertThat(view.check("s1")).isEqualTo(
        GateDecision.blocked("session:s1", "KILLED by MANUAL (ops@x): fat finger"));
  }
}
