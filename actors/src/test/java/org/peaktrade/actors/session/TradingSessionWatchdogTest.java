package org.peaktrade.actors.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.actors.fixtures.SessionHarness.freshId;
import static org.peaktrade.actors.fixtures.SessionHarness.rising;
import static org.peaktrade.actors.fixtures.SessionHarness.spec;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.actors.fixtures.ControlledFeed;
import org.peaktrade.actors.fixtures.ScriptedStrategies;
import org.peaktrade.actors.fixtures.SessionHarness;
import org.peaktrade.actors.watchdog.Watchdog;
import org.peaktrade.engine.risk.RiskLimits;
import org.peaktrade.engine.watchdog.SourceKind;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.session.SessionMode;
import org.peaktrade.protocol.session.SessionStatus;
import org.peaktrade.protocol.session.SessionView;

/** Heartbeats and stale market data under manual time; each test has its own watchdog probe. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
class TradingSessionWatchdogTest {
  @JUnit5TestKit
  final ActorTestKit testKit = new JUnit5TestKitBuilder()
      .withCustomConfig(SessionHarness.config(ManualTime.config().withFallback(ConfigFactory.load()))).build();

  @TempDir
  static Path dataDir;

  private record Running(SessionHarness harness, String id, ControlledFeed feed,
      ActorRef<TradingSession.Command> session) {}

  private Running start(String settings) {
    SessionHarness harness = new SessionHarness(testKit, SessionHarness.settings(dataDir, settings));
    String id = freshId("watched");
    ControlledFeed feed = new ControlledFeed(testKit.system());
    ActorRef<TradingSession.Command> session = harness.spawn(harness.plan(spec(id, SessionMode.PAPER),
        ScriptedStrategies.longBetween(100, 200), RiskLimits.none(), feed.bars()));
    harness.watchdog.expectMessage(SessionHarness.AWAIT, new Watchdog.Register("session:" + id,
        harness.settings.heartbeatTimeout(), KillSwitchScope.session(id), SourceKind.COMPONENT, session));
    return new Running(harness, id, feed, session);
  }

  private void passes(Duration duration) {
    ManualTime.get(testKit.system()).timePasses(duration);
  }

  @Test
  void aSessionRegistersWithTheWatchdogAndHeartbeatsEveryInterval() {
    Running running = start("");
    assertThat(running.harness().settings.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(30));

    passes(Duration.ofSeconds(5));
    running.harness().watchdog.expectMessage(new Watchdog.Heartbeat("session:" + running.id()));
    passes(Duration.ofSeconds(5));
    running.harness().watchdog.expectMessage(new Watchdog.Heartbeat("session:" + running.id()));
  }

  @Test
  void noBarForThreeIntervalsPausesNewOrdersAndTheNextBarResumesThem() {
    Running running = start("peaktrade.sessions.heartbeat-interval = 1h, peaktrade.sessions.heartbeat-timeout = 2h");
    running.feed().offer(rising(0, 2).toArray(Bar[]::new));
    running.harness().awaitBars(running.session(), 2);

    passes(Duration.ofMinutes(3));
    SessionView stale = awaitStatus(running, SessionStatus.PAUSED);
    running.feed().offer(rising(2, 3).toArray(Bar[]::new));
    SessionView resumed = running.harness().awaitBars(running.session(), 3);

    assertThat(stale.statusReason()).isEqualTo("market data stale: no bar after the one of "
        + Bars.T0.plusSeconds(60) + " for PT3M");
    assertThat(resumed.status()).isEqualTo(SessionStatus.RUNNING);
    assertThat(resumed.statusReason()).isNull();
  }

  @Test
  void withEscalationOnStaleDataMakesTheWatchdogKillTheSessionsScope() {
    Running running = start("peaktrade.sessions { escalate-stale-data = on, heartbeat-interval = 1h,"
        + " heartbeat-timeout = 2h }");
    running.feed().offer(rising(0, 1).toArray(Bar[]::new));
    running.harness().awaitBars(running.session(), 1);

    passes(Duration.ofMinutes(3));

    running.harness().watchdog.expectMessage(SessionHarness.AWAIT, new Watchdog.StaleMarketData(Bars.BTC,
        Bars.T0.plusSeconds(60), KillSwitchScope.session(running.id())));
  }

  @Test
  void beforeTheFirstBarTheFirstBarTimeoutApplies() {
    Running running = start("peaktrade.sessions { first-bar-timeout = 10m, heartbeat-interval = 1h,"
        + " heartbeat-timeout = 2h }");

    passes(Duration.ofMinutes(9));
    assertThat(running.harness().view(running.session()).status()).isEqualTo(SessionStatus.RUNNING);
    passes(Duration.ofMinutes(1));

    assertThat(awaitStatus(running, SessionStatus.PAUSED).statusReason())
        .isEqualTo("market data stale: no bar since the session started");
  }

  private SessionView awaitStatus(Running running, SessionStatus status) {
    return running.harness().watchdog.awaitAssert(SessionHarness.AWAIT, Duration.ofMillis(20), () -> {
      SessionView view = running.harness().view(running.session());
      assertThat(view.status()).isEqualTo(status);
      return view;
    });
  }
}
