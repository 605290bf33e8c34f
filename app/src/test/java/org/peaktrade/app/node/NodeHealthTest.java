package org.peaktrade.app.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peaktrade.actors.killswitch.HealthCheck;
import org.peaktrade.app.health.ActorSystemResponsiveCheck;
import org.peaktrade.app.health.LivenessCheck;
import org.peaktrade.app.health.NodeHealth;
import org.peaktrade.app.health.PingResponder;
import org.peaktrade.app.health.ReadinessCheck;
import org.peaktrade.protocol.killswitch.HealthCheckResult;

/** What Pekko Management's checks answer, through the {@link NodeHealth} extension of each actor system. */
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
      assertThatThrownBy(() -> new ReadinessCheck(fresh.system().classicSystem()).get().toCompletableFuture().join())
          .hasMessageContaining("the node has not finished starting");
      assertThatThrownBy(() -> new LivenessCheck(fresh.system().classicSystem()).get().toCompletableFuture().join())
          .hasMessageContaining("the node has not finished starting");
    } finally {
      fresh.shutdownTestKit();
    }
  }

  @Test
  void readyWhenEveryCheckPassesAndOtherwiseNamesEachFailingCheckWithItsReason() {
    Scripted journal = new Scripted("journal-writable");
    Scripted view = new Scripted("kill-switch-view-fresh");
    NodeHealth.get(testKit.system().classicSystem()).register(List.of(journal, view), List.of(), TIMEOUT);
    ReadinessCheck readiness = new ReadinessCheck(testKit.system().classicSystem());

    journal.next = CompletableFuture.completedFuture(new HealthCheckResult(journal.name, true, "probe persisted"));
    view.next = CompletableFuture.completedFuture(new HealthCheckResult(view.name, true, "fresh"));
    assertThat(readiness.get().toCompletableFuture().join()).isTrue();

    journal.next = new CompletableFuture<>();
    view.next = CompletableFuture.completedFuture(new HealthCheckResult(view.name, false, "stale"));
    assertThatThrownBy(() -> readiness.get().toCompletableFuture().join())
        .isInstanceOf(CompletionException.class)
        .hasMessageContaining("journal-writable: no answer within 300 ms; kill-switch-view-fresh: stale");
  }

  @Test
  void aliveWhileTheActorSystemAnswers() {
    NodeHealth.get(testKit.system().classicSystem()).register(List.of(), List.of(new ActorSystemResponsiveCheck(
        testKit.spawn(PingResponder.create()), TIMEOUT, testKit.system().scheduler())), TIMEOUT);

    assertThat(new LivenessCheck(testKit.system().classicSystem()).get().toCompletableFuture().join()).isTrue();
  }

  @Test
  void notAliveWhenNoActorAnswersInTime() {
    var responder = testKit.spawn(PingResponder.create());
    testKit.stop(responder);
    NodeHealth.get(testKit.system().classicSystem()).register(List.of(), List.of(new ActorSystemResponsiveCheck(
        responder, TIMEOUT, testKit.system().scheduler())), TIMEOUT);

    assertThatThrownBy(() -> new LivenessCheck(testKit.system().classicSystem()).get().toCompletableFuture().join())
        .hasMessageContaining("actor-system-responsive:");
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
