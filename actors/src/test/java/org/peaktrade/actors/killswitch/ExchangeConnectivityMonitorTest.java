package org.peaktrade.actors.killswitch;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peaktrade.actors.fixtures.RecordingKillSwitchService;
import org.peaktrade.actors.fixtures.RecordingKillSwitchService.TriggerCall;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.TriggerKind;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
class ExchangeConnectivityMonitorTest {
  private static final Duration INTERVAL = Duration.ofSeconds(5);

  @JUnit5TestKit
  final ActorTestKit testKit = new JUnit5TestKitBuilder()
      .withCustomConfig(ManualTime.config().withFallback(ConfigFactory.load())).build();

  private ManualTime time;
  private RecordingKillSwitchService service;
  private ScriptedProbe probe;

  /** Hands each check's future to the test, which completes it (or not) when it likes. */
  private static final class ScriptedProbe implements ConnectivityProbe {
    private final BlockingQueue<CompletableFuture<Boolean>> calls = new LinkedBlockingQueue<>();

    @Override
    public String exchange() {
      return "kraken";
    }

    @Override
    public CompletionStage<Boolean> check() {
      CompletableFuture<Boolean> answer = new CompletableFuture<>();
      calls.add(answer);
      return answer;
    }

    CompletableFuture<Boolean> nextCall() throws InterruptedException {
      CompletableFuture<Boolean> call = calls.poll(3, TimeUnit.SECONDS);
      assertThat(call).as("a connectivity check").isNotNull();
      return call;
    }
  }

  @BeforeEach
  void startMonitor() {
    time = ManualTime.get(testKit.system());
    service = new RecordingKillSwitchService();
    probe = new ScriptedProbe();
    testKit.spawn(ExchangeConnectivityMonitor.create(
        new ConnectivitySettings(INTERVAL, 3, KillSwitchScope.GLOBAL), probe, service));
  }

  private CompletableFuture<Boolean> check() throws InterruptedException {
    time.timePasses(INTERVAL);
    return probe.nextCall();
  }

  private List<TriggerCall> awaitTriggers(int count) {
    return testKit.createTestProbe().awaitAssert(() -> {
      assertThat(service.triggers()).hasSize(count);
      return service.triggers();
    });
  }

  @Test
  void threeFailedChecksInARowKillTheScopeAsAnExternalTrigger() throws Exception {
    check().complete(false);
    check().complete(false);
    check().completeExceptionally(new IllegalStateException("connection refused"));
    TriggerCall call = awaitTriggers(1).get(0);
    assertThat(call.scope()).isEqualTo(KillSwitchScope.GLOBAL);
    assertThat(call.kind()).isEqualTo(TriggerKind.EXTERNAL);
    assertThat(call.identity()).isEqualTo("external:exchange-connectivity:kraken");
    assertThat(call.reason()).isEqualTo("exchange kraken unreachable for 3 consecutive checks");
    assertThat(call.metadata()).containsEntry("consecutiveFailures", "3")
        .containsEntry("lastError", "java.lang.IllegalStateException: connection refused");
  }

  @Test
  void aSuccessResetsTheCountAndAnOutageFiresOnlyOnce() throws Exception {
    check().complete(false);
    check().complete(false);
    check().complete(true);
    check().complete(false);
    check().complete(false);
    check().complete(false);
    check().complete(false);
    check().complete(false);
    assertThat(awaitTriggers(1).get(0).metadata()).containsEntry("consecutiveFailures", "3");
    check().complete(true);
    check().complete(false);
    check().complete(false);
    check().complete(false);
    awaitTriggers(2);
  }

  @Test
  void aCheckStillUnansweredWhenTheNextIsDueCountsAsFailed() throws Exception {
    check();
    check();
    check();
    CompletableFuture<Boolean> fourth = check();
    assertThat(awaitTriggers(1).get(0).metadata()).containsEntry("lastError", "no answer within PT5S");
    fourth.complete(true);
    check().complete(false);
    check().complete(false);
    check().complete(false);
    awaitTriggers(2);
  }
}
