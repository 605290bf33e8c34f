package org.peaktrade.actors.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.actors.fixtures.SessionHarness.freshId;
import static org.peaktrade.actors.fixtures.SessionHarness.spec;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.Polling;
import org.peaktrade.actors.fixtures.ScriptedStrategies;
import org.peaktrade.actors.fixtures.SessionHarness;
import org.peaktrade.engine.risk.RiskLimits;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.session.SessionMode;

/**
 * The session's feed subscription runs on the system's materializer, so nothing of the session's own ends it: these
 * tests check that the session leaves its feed when it stops, and that its subscription stays the only one while it
 * runs. The feed never sends a bar and tells each subscription's end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
class TradingSessionFeedReleaseTest {
  @JUnit5TestKit
  final ActorTestKit testKit = new JUnit5TestKitBuilder()
      .withCustomConfig(SessionHarness.config(ConfigFactory.load())).build();

  @TempDir
  static Path dataDir;

  private SessionHarness harness;

  @BeforeAll
  void startHarness() {
    harness = new SessionHarness(testKit, SessionHarness.settings(dataDir, "peaktrade.sessions { run-log = false }"));
  }

  /** A feed that never sends a bar; each subscription adds its termination to {@code ends}. */
  private static Source<Bar, NotUsed> silentFeed(List<CompletionStage<Done>> ends) {
    return Source.<Bar>never().watchTermination((notUsed, done) -> {
      ends.add(done);
      return NotUsed.getInstance();
    });
  }

  private ActorRef<TradingSession.Command> spawnOn(List<CompletionStage<Done>> ends) {
    return harness.spawn(harness.plan(spec(freshId("feed"), SessionMode.PAPER), ScriptedStrategies.longBetween(1, 2),
        RiskLimits.none(), silentFeed(ends)));
  }

  @Test
  void leavesItsFeedWhenStopped() throws Exception {
    List<CompletionStage<Done>> ends = new CopyOnWriteArrayList<>();
    ActorRef<TradingSession.Command> session = spawnOn(ends);
    Polling.until("the session's subscription", SessionHarness.AWAIT, () -> ends.size() == 1);
    assertThat(ends.get(0).toCompletableFuture()).isNotDone();

    testKit.stop(session);

    Polling.until("the subscription ended", SessionHarness.AWAIT, () -> ends.get(0).toCompletableFuture().isDone());
    assertThat(ends).hasSize(1);
  }

  @Test
  void keepsOneSubscriptionWhileItRuns() throws Exception {
    List<CompletionStage<Done>> ends = new CopyOnWriteArrayList<>();
    ActorRef<TradingSession.Command> session = spawnOn(ends);
    Polling.until("the session's subscription", SessionHarness.AWAIT, () -> ends.size() == 1);

    harness.view(session);
    harness.view(session);

    assertThat(ends).hasSize(1);
    assertThat(ends.get(0).toCompletableFuture()).isNotDone();
    testKit.stop(session);
  }
}
