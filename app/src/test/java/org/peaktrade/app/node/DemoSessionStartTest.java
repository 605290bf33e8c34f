package org.peaktrade.app.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.peaktrade.actors.session.SessionRefusedException;
import org.peaktrade.engine.time.Ticker;
import org.peaktrade.http.fixtures.RecordingSessionService;
import org.peaktrade.http.fixtures.RecordingSessionService.Get;
import org.peaktrade.http.fixtures.RecordingSessionService.Start;
import org.peaktrade.http.fixtures.SessionSamples;
import org.peaktrade.protocol.session.SessionSpec;
import org.peaktrade.protocol.session.SessionView;
import org.junit.jupiter.api.Test;

class DemoSessionStartTest {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final RecordingSessionService sessions = new RecordingSessionService();
  private final AtomicLong nanos = new AtomicLong();
  private final List<Duration> pauses = new CopyOnWriteArrayList<>();
  private final Ticker ticker = nanos::get;
  private final StartupRetry.Pause pause = duration -> {
    pauses.add(duration);
    nanos.addAndGet(duration.toNanos());
  };

  private DemoSessionStart start(Duration timeout) {
    return new DemoSessionStart(sessions, new StartupRetry(timeout, ticker, pause));
  }

  @Test
  void retriesADemoSessionLookupThatTimesOutWhileShardsLoad() {
    SessionSpec spec = SessionSamples.spec("demo-ma-cross");
    sessions.holding(SessionSamples.started(spec));
    sessions.timeouts.set(3);

    List<SessionView> views = start(START_TIMEOUT).start(List.of(spec));

    assertEquals(List.of(SessionSamples.started(spec)), views);
    assertEquals(List.of(new Get("demo-ma-cross"), new Get("demo-ma-cross"), new Get("demo-ma-cross"),
        new Get("demo-ma-cross"), new Get("demo-ma-cross")), sessions.calls, "four lookups, then is it trading?");
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), pauses);
  }

  @Test
  void retriesAStartThatTimedOutFromTheLookupSoASessionItRegisteredIsNotStartedTwice() {
    SessionSpec spec = SessionSamples.spec("demo-rsi");
    sessions.timeouts.set(1);

    List<SessionView> views = start(START_TIMEOUT).start(List.of(spec));

    assertEquals(List.of(SessionSamples.started(spec)), views);
    assertEquals(List.of(new Get("demo-rsi"), new Get("demo-rsi"), new Start(spec), new Get("demo-rsi")),
        sessions.calls);
  }

  @Test
  void waitsUntilADemoSessionTradesSoThatTheReplayBeginsWithItSubscribed() {
    SessionSpec spec = SessionSamples.spec("demo-ma-cross");
    SessionView starting = notYetTrading(SessionSamples.started(spec));
    sessions.holding(starting);
    StartupRetry.Pause startsTradingOnThirdPause = duration -> {
      pause.pause(duration);
      if (pauses.size() == 3) {
        sessions.holding(SessionSamples.started(spec));
      }
    };

    new DemoSessionStart(sessions, new StartupRetry(START_TIMEOUT, ticker, startsTradingOnThirdPause))
        .start(List.of(spec));

    assertEquals(List.of(DemoSessionStart.POLL, DemoSessionStart.POLL, DemoSessionStart.POLL), pauses);
    assertEquals(5, sessions.calls.size(), "a lookup, then four asks whether it trades: " + sessions.calls);
  }

  @Test
  void startsTheReplayWithoutADemoSessionThatDoesNotTradeWithinTenSeconds() {
    SessionSpec spec = SessionSamples.spec("demo-ma-cross");
    sessions.holding(notYetTrading(SessionSamples.started(spec)));

    List<SessionView> views = start(START_TIMEOUT).start(List.of(spec));

    assertEquals(1, views.size());
    assertEquals(DemoSessionStart.TRADING_WITHIN, pauses.stream().reduce(Duration.ZERO, Duration::plus));
  }

  private static SessionView notYetTrading(SessionView view) {
    return new SessionView(view.spec(), view.status(), null, null, 0, null, view.cash(), view.equity(),
        view.realizedPnl(), view.fees(), view.position(), 0, 0, view.member());
  }

  @Test
  void backsOffUpToTenSecondsBetweenAttempts() {
    SessionSpec spec = SessionSamples.spec("demo-macd");
    sessions.holding(SessionSamples.started(spec));
    sessions.timeouts.set(7);

    start(START_TIMEOUT).start(List.of(spec));

    assertEquals(List.of(1L, 2L, 4L, 8L, 10L, 10L, 10L), pauses.stream().map(Duration::toSeconds).toList());
  }

  @Test
  void givesUpNamingTheStartTimeoutOnceItHasPassed() {
    SessionSpec spec = SessionSamples.spec("demo-donchian");
    sessions.timeouts.set(Integer.MAX_VALUE);

    IllegalStateException failure = assertThrows(IllegalStateException.class,
        () -> start(Duration.ofSeconds(20)).start(List.of(spec)));

    assertTrue(failure.getMessage().startsWith("starting demo session demo-donchian: no answer in 6 attempts within "
        + "PT20S (peaktrade.node.start-timeout)"), failure.getMessage());
    assertEquals(List.of(1L, 2L, 4L, 8L, 5L), pauses.stream().map(Duration::toSeconds).toList());
  }

  @Test
  void endsTheStartAtOnceOnAnAnswerThatIsAFailure() {
    SessionSpec spec = SessionSamples.spec("demo-ma-cross");
    sessions.failure = new IllegalStateException("journal unavailable");

    IllegalStateException failure = assertThrows(IllegalStateException.class,
        () -> start(START_TIMEOUT).start(List.of(spec)));

    assertEquals("journal unavailable", failure.getMessage());
    assertEquals(List.of(), pauses);
  }

  @Test
  void stopsTheStartWithTheReasonsWhenADemoSessionIsRefusedAndNoMemberRunsIt() {
    SessionSpec spec = SessionSamples.spec("demo-rsi");
    sessions.startFailure = new SessionRefusedException("strategy 'rsi-reversion' needs 14 bars of warm-up");

    NodeConfigException failure = assertThrows(NodeConfigException.class,
        () -> start(START_TIMEOUT).start(List.of(spec)));

    assertEquals("peaktrade.node.demo-sessions: demo session 'demo-rsi' refused: strategy 'rsi-reversion' needs 14 "
        + "bars of warm-up", failure.getMessage());
    assertEquals(List.of(new Get("demo-rsi"), new Start(spec), new Get("demo-rsi")), sessions.calls);
  }
}
