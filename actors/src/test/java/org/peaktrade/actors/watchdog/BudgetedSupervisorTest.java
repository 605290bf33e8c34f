package org.peaktrade.actors.watchdog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peaktrade.actors.fixtures.RecordingKillSwitchService;
import org.peaktrade.actors.fixtures.RecordingKillSwitchService.TriggerCall;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.TriggerKind;

/** Real (millisecond) backoffs: the supervisor's restart timers run on the system scheduler. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
class BudgetedSupervisorTest {
  private static final KillSwitchScope S1 = KillSwitchScope.session("s1");
  private static final RestartBudget TWO_RESTARTS =
      new RestartBudget(Duration.ofMillis(5), Duration.ofMillis(20), 0.0, 2);

  @JUnit5TestKit
  final ActorTestKit testKit = new JUnit5TestKitBuilder().build();

  /** A child that echoes {@code Ping} and throws on {@code Boom}. */
  private interface FlakyCommand {}

  private record Ping(ActorRef<String> replyTo) implements FlakyCommand {}

  private record Boom() implements FlakyCommand {}

  private static Behavior<FlakyCommand> flaky() {
    return Behaviors.receive(FlakyCommand.class)
        .onMessage(Ping.class, ping -> {
          ping.replyTo().tell("pong");
          return Behaviors.same();
        })
        .onMessage(Boom.class, boom -> {
          throw new IllegalStateException("boom");
        })
        .build();
  }

  @Test
  void aChildWithinItsBudgetIsRestartedAndKeepsServing() {
    TestProbe<Watchdog.Command> watchdog = testKit.createTestProbe();
    TestProbe<String> replies = testKit.createTestProbe();
    ActorRef<FlakyCommand> parent =
        testKit.spawn(BudgetedSupervisor.create("flaky", flaky(), TWO_RESTARTS, S1, watchdog.getRef()));
    parent.tell(new Boom());
    parent.tell(new Ping(replies.getRef()));
    replies.expectMessage("pong");
    watchdog.expectNoMessage(Duration.ofMillis(200));
  }

  @Test
  void aChildThatExhaustsItsRestartBudgetFiresTheWatchdog() {
    TestProbe<Watchdog.Command> watchdog = testKit.createTestProbe();
    ActorRef<FlakyCommand> parent =
        testKit.spawn(BudgetedSupervisor.create("flaky", flaky(), TWO_RESTARTS, S1, watchdog.getRef()));
    for (int i = 0; i < 3; i++) {
      parent.tell(new Boom());
    }
    watchdog.expectMessage(Duration.ofSeconds(3), new Watchdog.RestartBudgetExhausted("flaky", S1));
    watchdog.expectTerminated(parent, Duration.ofSeconds(3));
  }

  @Test
  void theWatchdogTurnsAnExhaustedBudgetIntoAKill() {
    RecordingKillSwitchService service = new RecordingKillSwitchService();
    ActorRef<Watchdog.Command> watchdog = testKit.spawn(Watchdog.create(service, Clock.systemUTC()));
    ActorRef<FlakyCommand> parent =
        testKit.spawn(BudgetedSupervisor.create("flaky", flaky(), TWO_RESTARTS, S1, watchdog));
    for (int i = 0; i < 3; i++) {
      parent.tell(new Boom());
    }
    TriggerCall call = testKit.createTestProbe().awaitAssert(Duration.ofSeconds(3), () -> {
      assertThat(service.triggers()).hasSize(1);
      return service.triggers().get(0);
    });
    assertThat(call.kind()).isEqualTo(TriggerKind.WATCHDOG);
    assertThat(call.scope()).isEqualTo(S1);
    assertThat(call.identity()).isEqualTo("watchdog:restart-budget:flaky");
  }
}
