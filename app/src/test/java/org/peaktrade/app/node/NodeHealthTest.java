package org.peaktrade.app.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peaktrade.actors.killswitch.HealthCheck;
import org.peaktrade.app.health.ActorSystemResponsiveCheck;
import org.peaktrade.app.health.NodeHealth;
import org.peaktrade.app.health.PingResponder;
import org.peaktrade.app.health.SafetyWarning;
import org.peaktrade.protocol.killswitch.HealthCheckResult;

/** What the health endpoints report, through the {@link NodeHealth} extension of each actor system. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeHealthTest {
  private static final Duration TIMEOUT = Duration.ofMillis(300);
  private final ActorTestKit testKit = ActorTestKit.create();

  @AfterAll
  void shutDown() {
    testKit.shutdownTestKit();
  }

  @Test
  void aNodeThatHasNotRegisteredItsChecksIsNeitherReadyNorAlive() {
    ActorTestKit fresh = ActorTestKit.create();
    try {
      NodeHealth health = NodeHealth.get(fresh.system().classicSystem());

      assertThat(health.readiness().toCompletableFuture().join().failures())
          .isEqualTo("node-started: the node has not finished starting");
      assertThat(health.liveness().toCompletableFuture().join().passed()).isFalse();
    } finally {
      fresh.shutdownTestKit();
    }
  }

  @Test
  void readyWhenEveryCheckPassesAndOtherwiseNamesEachFailingCheckWithItsReason() {
    Scripted journal = new Scripted("journal-writable");
    Scripted view = new Scripted("kill-switch-view-fresh");
    NodeHealth health = NodeHealth.get(testKit.system().classicSystem());
    health.register(List.of(journal, view), List.of(), List.of(), TIMEOUT);

    journal.next = CompletableFuture.completedFuture(new HealthCheckResult(journal.name, true, "probe persisted"));
    view.next = CompletableFuture.completedFuture(new HealthCheckResult(view.name, true, "fresh"));
    assertThat(health.readiness().toCompletableFuture().join().passed()).isTrue();

    journal.next = new CompletableFuture<>();
    view.next = CompletableFuture.completedFuture(new HealthCheckResult(view.name, false, "stale"));
    NodeHealth.Report failing = health.readiness().toCompletableFuture().join();
    assertThat(failing.passed()).isFalse();
    assertThat(failing.failures()).isEqualTo("journal-writable: no answer within 300 ms; kill-switch-view-fresh: stale");
  }

  @Test
  void aSafetyWarningIsReportedWithReadinessWithoutFailingIt() {
    ActorTestKit fresh = ActorTestKit.create();
    try {
      Scripted journal = new Scripted("journal-writable");
      journal.next = CompletableFuture.completedFuture(new HealthCheckResult(journal.name, true, "probe persisted"));
      SafetyWarning off = new SafetyWarning("two-person-rule-off", "peaktrade.kill-switch.two-person-rule = false",
          "one person can end a kill");
      NodeHealth health = NodeHealth.get(fresh.system().classicSystem());
      health.register(List.of(journal), List.of(), List.of(off), TIMEOUT);

      NodeHealth.Report report = health.readiness().toCompletableFuture().join();

      assertThat(report.passed()).isTrue();
      assertThat(report.warnings()).containsExactly(off);
      assertThat(health.warnings()).containsExactly(off);
    } finally {
      fresh.shutdownTestKit();
    }
  }

  @Test
  void aliveWhileTheActorSystemAnswers() {
    NodeHealth health = NodeHealth.get(testKit.system().classicSystem());
    health.register(List.of(), List.of(new ActorSystemResponsiveCheck(
        testKit.spawn(PingResponder.create()), TIMEOUT, testKit.system().scheduler())), List.of(), TIMEOUT);

    assertThat(health.liveness().toCompletableFuture().join().passed()).isTrue();
  }

  @Test
  void notAliveWhenNoActorAnswersInTime() {
    var responder = testKit.spawn(PingResponder.create());
    testKit.stop(responder);
    NodeHealth health = NodeHealth.get(testKit.system().classicSystem());
    health.register(List.of(), List.of(new ActorSystemResponsiveCheck(responder, TIMEOUT,
        testKit.system().scheduler())), List.of(), TIMEOUT);

    assertThat(health.liveness().toCompletableFuture().join().failures()).startsWith("actor-system-responsive:");
  }

  private static final class Scripted implements HealthCheck {
    final String name;
    volatile CompletionStage<HealthCheckResult> next;

    Scripted(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public CompletionStage<HealthCheckResult> run() {
      return next;
    }
  }
}
