package org.peaktrade.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.OverflowStrategy;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.javadsl.SourceQueueWithComplete;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchState;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.TriggerKind;

/**
 * The dashboard's status stream: it opens with the global switch's current status, asked only once the live
 * subscription is in place, and never sends a scope's status that is not newer than one it sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardRoutesTest {
  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final KillSwitchScope SESSION = KillSwitchScope.session("s1");

  private ActorSystem<Void> system;

  @BeforeAll
  void startSystem() {
    system = ActorSystem.create(Behaviors.empty(), "dashboard-routes-test",
        ConfigFactory.parseString("pekko.loglevel = WARNING\npekko.stdout-loglevel = WARNING")
            .withFallback(ConfigFactory.load()));
  }

  @AfterAll
  void stopSystem() {
    system.terminate();
  }

  @Test
  void opensWithTheCurrentGlobalStatusAndThenSendsTheChanges() throws Exception {
    Live live = live();
    CompletionStage<List<KillSwitchStatus>> received = run(live.source(),
        () -> CompletableFuture.completedFuture(active(3)), 2);
    live.queue().offer(killed(4));

    assertThat(revisions(received)).containsExactly("global@3 ACTIVE", "global@4 KILLED");
  }

  @Test
  void dropsAStatusNoNewerThanOneItSentForTheSameScope() throws Exception {
    Live live = live();
    CompletionStage<List<KillSwitchStatus>> received = run(live.source(),
        () -> CompletableFuture.completedFuture(killed(4)), 3);
    live.queue().offer(active(3));
    live.queue().offer(killed(4));
    live.queue().offer(status(SESSION, KillSwitchState.KILLED, 1));
    live.queue().offer(active(5));

    assertThat(revisions(received)).containsExactly("global@4 KILLED", "session:s1@1 KILLED", "global@5 ACTIVE");
  }

  @Test
  void keepsAChangePublishedWhileTheCurrentStatusIsBeingAsked() throws Exception {
    Live live = live();
    CompletableFuture<KillSwitchStatus> answer = new CompletableFuture<>();
    CompletableFuture<Void> asked = new CompletableFuture<>();
    CompletionStage<List<KillSwitchStatus>> received = run(live.source(), () -> {
      asked.complete(null);
      return answer;
    }, 2);

    asked.get(5, TimeUnit.SECONDS);
    live.queue().offer(killed(8));
    answer.complete(active(7));

    assertThat(revisions(received)).containsExactly("global@7 ACTIVE", "global@8 KILLED");
  }

  @Test
  void sendsTheChangesWhenTheCurrentStatusCannotBeAsked() throws Exception {
    Live live = live();
    CompletionStage<List<KillSwitchStatus>> received = run(live.source(),
        () -> CompletableFuture.failedFuture(new IllegalStateException("the switch does not answer")), 1);
    live.queue().offer(killed(2));

    assertThat(revisions(received)).containsExactly("global@2 KILLED");
  }

  private record Live(SourceQueueWithComplete<KillSwitchStatus> queue, Source<KillSwitchStatus, NotUsed> source) {}

  private Live live() {
    Pair<SourceQueueWithComplete<KillSwitchStatus>, Source<KillSwitchStatus, NotUsed>> pair =
        Source.<KillSwitchStatus>queue(16, OverflowStrategy.fail()).preMaterialize(system);
    return new Live(pair.first(), pair.second());
  }

  private CompletionStage<List<KillSwitchStatus>> run(Source<KillSwitchStatus, NotUsed> live,
      Supplier<CompletionStage<KillSwitchStatus>> current, int count) {
    return new DashboardRoutes(live, current, CLOCK).stream().take(count).runWith(Sink.seq(), system);
  }

  private static List<String> revisions(CompletionStage<List<KillSwitchStatus>> received) throws Exception {
    return received.toCompletableFuture().get(5, TimeUnit.SECONDS).stream()
        .map(status -> status.scope().value() + "@" + status.revision() + " " + status.state()).toList();
  }

  private static KillSwitchStatus active(long revision) {
    return status(KillSwitchScope.GLOBAL, KillSwitchState.ACTIVE, revision);
  }

  private static KillSwitchStatus killed(long revision) {
    return status(KillSwitchScope.GLOBAL, KillSwitchState.KILLED, revision);
  }

  private static KillSwitchStatus status(KillSwitchScope scope, KillSwitchState state, long revision) {
    return new KillSwitchStatus(scope, state, NOW, revision, state == KillSwitchState.KILLED ? TriggerKind.MANUAL : null,
        null, null, null, null, null);
  }
}
