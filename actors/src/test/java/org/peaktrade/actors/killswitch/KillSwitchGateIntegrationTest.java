package org.peaktrade.actors.killswitch;

import org.peaktrade.engine.time.Ticker;
import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peaktrade.engine.killswitch.GateDecision;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.TriggerKind;

/** The real kill-switch runtime (in-memory journal) feeding the real gate, on the system clock. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
class KillSwitchGateIntegrationTest {
  private static final Duration BOUND = Duration.ofSeconds(3);

  @JUnit5TestKit
  final ActorTestKit testKit = new JUnit5TestKitBuilder().withCustomConfig(ConfigFactory.parseString(
          "peaktrade.persistence.read-journal = \"pekko.persistence.testkit.query\"\n"
              + "peaktrade.kill-switch.approval-code-required = false")
      .withFallback(PersistenceTestKitPlugin.config())
      .withFallback(PersistenceTestKitSnapshotPlugin.config())
      .withFallback(ConfigFactory.load())).build();

  private KillSwitchRuntime runtime;
  private GateView view;
  private ActorRef<KillSwitchGate.Command> gate;

  @BeforeAll
  void startRuntimeAndGate() {
    var config = testKit.system().settings().config();
    runtime = KillSwitchRuntime.start(testKit.system(), KillSwitchSettings.fromConfig(config), Clock.systemUTC(),
        Ticker.SYSTEM, List.of());
    GateSettings settings = GateSettings.fromConfig(config);
    view = new GateView(Ticker.SYSTEM, settings);
    gate = testKit.spawn(KillSwitchGate.create(settings, view, runtime, runtime.statusTopic()));
  }

  private void awaitDecision(TestProbe<?> probe, String sessionId, java.util.function.Predicate<GateDecision> test) {
    probe.awaitAssert(BOUND, () -> {
      assertThat(view.check(sessionId)).matches(test);
      return null;
    });
  }

  @Test
  void aSessionTriggerOnTheRuntimeBlocksTheGateAndCancelsOpenOrdersWithinABoundedTime() {
    TestProbe<OpenOrderCanceller.Command> executor = testKit.createTestProbe();
    gate.tell(new KillSwitchGate.Register("it-1", executor.getRef()));
    awaitDecision(executor, "it-1", GateDecision::allowed);

    runtime.trigger(KillSwitchScope.session("it-1"), TriggerKind.MANUAL, "ops@x", "integration", Map.of());

    awaitDecision(executor, "it-1",
        d -> d.equals(GateDecision.blocked("session:it-1", "KILLED by MANUAL (ops@x): integration")));
    assertThat(executor.expectMessageClass(OpenOrderCanceller.CancelOpenOrders.class, BOUND).scope())
        .isEqualTo(KillSwitchScope.session("it-1"));
  }
}
