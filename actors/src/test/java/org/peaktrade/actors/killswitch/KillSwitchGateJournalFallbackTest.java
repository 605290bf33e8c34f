package org.peaktrade.actors.killswitch;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
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
import org.peaktrade.protocol.killswitch.TriggerKind;

/**
 * The gate reads a switch that stopped answering from its journal (its entity lived on a crashed member and its shard
 * is moving): what the journal holds renews the view, so a crash elsewhere does not block this node's sessions; a
 * kill in the journal blocks and cancels; a switch that neither answers nor can be read still goes stale and blocks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
class KillSwitchGateJournalFallbackTest {
  private static final KillSwitchScope GLOBAL = KillSwitchScope.GLOBAL;
  private static final KillSwitchScope S1 = KillSwitchScope.session("s1");
  private static final AtomicInteger TOPICS = new AtomicInteger();

  @JUnit5TestKit
  final ActorTestKit testKit = new JUnit5TestKitBuilder()
      .withCustomConfig(ManualTime.config().withFallback(ConfigFactory.load())).build();

  private final GateSettings settings = new GateSettings(Duration.ofSeconds(5), Duration.ofSeconds(1));
  private ManualTime time;
  private AdvanceableClock clock;
  private RecordingKillSwitchService service;
  private GateView view;
  private TestProbe<OpenOrderCanceller.Command> executor;

  @BeforeEach
  void startGate() {
    time = ManualTime.get(testKit.system());
    clock = new AdvanceableClock(Statuses.T0);
    service = new RecordingKillSwitchService();
    view = new GateView(clock, settings);
    executor = testKit.createTestProbe();
    ActorRef<Topic.Command<KillSwitchStatus>> topic =
        testKit.spawn(Topic.create(KillSwitchStatus.class, "kill-switch-status-journal-" + TOPICS.incrementAndGet()));
    service.answerStatus(Statuses.active(GLOBAL, 1));
    service.answerStatus(Statuses.active(S1, 1));
    ActorRef<KillSwitchGate.Command> gate = testKit.spawn(KillSwitchGate.create(settings, view, service, topic));
    gate.tell(new KillSwitchGate.Register("s1", executor.getRef()));
    awaitDecision(GateDecision.ALLOWED);
  }

  private void awaitDecision(GateDecision expected) {
    executor.awaitAssert(() -> {
      assertThat(view.check("s1")).isEqualTo(expected);
      return null;
    });
  }

  /** One refresh interval on both the gate's timers and its view's clock. */
  private void oneSecondPasses() {
    clock.advance(Duration.ofSeconds(1));
    time.timePasses(Duration.ofSeconds(1));
  }

  @Test
  void keepsSessionsAllowedFromTheJournalWhileTheGlobalSwitchDoesNotAnswer() {
    service.stopAnswering(GLOBAL);
    service.journalHolds(Statuses.active(GLOBAL, 1));

    for (int second = 1; second <= 12; second++) {
      oneSecondPasses();
      awaitDecision(GateDecision.ALLOWED);
    }
    assertThat(service.journalReads()).contains(GLOBAL);
  }

  @Test
  void aKillTheJournalHoldsBlocksAndCancelsTheSessionsOpenOrders() {
    service.stopAnswering(S1);
    service.journalHolds(Statuses.killed(S1, 2, TriggerKind.MANUAL, "ops@x", "killed on the crashed member"));

    for (int second = 1; second <= 5; second++) {
      oneSecondPasses();
    }
    awaitDecision(GateDecision.blocked("session:s1", "KILLED by MANUAL (ops@x): killed on the crashed member"));
    assertThat(executor.expectMessageClass(OpenOrderCanceller.CancelOpenOrders.class).scope()).isEqualTo(S1);
  }

  @Test
  void blocksOnceNeitherTheSwitchNorItsJournalAnswers() {
    service.stopAnswering(GLOBAL);

    for (int second = 1; second <= 6; second++) {
      oneSecondPasses();
    }
    executor.awaitAssert(() -> {
      assertThat(view.check("s1").allowed()).isFalse();
      assertThat(view.check("s1").message()).startsWith("global: stale for");
      return null;
    });
    assertThat(service.journalReads()).contains(GLOBAL);
  }

  @Test
  void anOlderRevisionInTheJournalDoesNotUndoANewerKill() {
    service.answerStatus(Statuses.killed(GLOBAL, 2));
    oneSecondPasses();
    awaitDecision(GateDecision.blocked("global", "KILLED by MANUAL (ops@x): fat finger"));
    service.stopAnswering(GLOBAL);
    service.journalHolds(Statuses.active(GLOBAL, 1));

    for (int second = 1; second <= 4; second++) {
      oneSecondPasses();
    }
    executor.awaitAssert(() -> {
      assertThat(service.journalReads()).contains(GLOBAL);
      return null;
    });
    assertThat(view.check("s1").allowed()).isFalse();
  }
}
