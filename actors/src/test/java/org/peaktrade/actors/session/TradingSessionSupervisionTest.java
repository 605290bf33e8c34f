package org.peaktrade.actors.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.actors.fixtures.SessionHarness.freshId;
import static org.peaktrade.actors.fixtures.SessionHarness.rising;
import static org.peaktrade.actors.fixtures.SessionHarness.spec;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.ScriptedStrategies;
import org.peaktrade.actors.fixtures.SessionHarness;
import org.peaktrade.actors.watchdog.Watchdog;
import org.peaktrade.engine.risk.RiskLimits;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.session.SessionMode;
import org.peaktrade.protocol.session.SessionStatus;
import org.peaktrade.protocol.session.SessionView;

/**
 * The strategy runner under its restart budget, with real (millisecond) backoffs: a strategy that throws once is
 * restarted, warmed up and keeps deciding; one that always throws pauses the session and fires the watchdog.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
class TradingSessionSupervisionTest {
  @JUnit5TestKit
  final ActorTestKit testKit = new JUnit5TestKitBuilder()
      .withCustomConfig(SessionHarness.config(ConfigFactory.load())).build();

  @TempDir
  static Path dataDir;

  private SessionHarness harness;

  @BeforeAll
  void startHarness() {
    harness = new SessionHarness(testKit, SessionHarness.settings(dataDir, "peaktrade.sessions.strategy-restart-budget"
        + " { min-backoff = 5ms, max-backoff = 20ms, random-factor = 0, max-restarts = 2 }"));
  }

  @Test
  void aStrategyThatThrowsOnceIsRestartedAndTradesOnAsBefore() {
    String id = freshId("throws-once");
    ActorRef<TradingSession.Command> session = harness.spawn(harness.plan(spec(id, SessionMode.PAPER),
        ScriptedStrategies.throwingOn(3, 1, 2, 6), RiskLimits.none(), Source.from(rising(0, 9))));

    SessionView view = harness.awaitBars(session, 9);

    List<Fill> fills = harness.ask(session, TradingSession.GetFills::new);
    assertThat(fills).extracting(f -> f.side() + " " + f.price()).containsExactly("BUY 103", "SELL 107");
    assertThat(view.status()).isEqualTo(SessionStatus.RUNNING);
  }

  @Test
  void aStrategyThatAlwaysThrowsExhaustsItsBudgetPausesTheSessionAndFiresTheWatchdog() {
    String id = freshId("always-throws");
    ActorRef<TradingSession.Command> session = harness.spawn(harness.plan(spec(id, SessionMode.PAPER),
        ScriptedStrategies.alwaysThrowing(), RiskLimits.none(), Source.from(rising(0, 6))));

    harness.watchdog.fishForMessage(SessionHarness.AWAIT, message ->
        message.equals(new Watchdog.RestartBudgetExhausted("strategy:" + id, KillSwitchScope.session(id)))
            ? FishingOutcomes.complete() : FishingOutcomes.continueAndIgnore());
    SessionView view = harness.awaitBars(session, 6);

    assertThat(view.status()).isEqualTo(SessionStatus.PAUSED);
    assertThat(view.statusReason()).isEqualTo("the strategy exhausted its restart budget (2 restarts) and was stopped");
    assertThat(view.fills()).isZero();
  }
}
