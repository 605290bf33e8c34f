package org.peaktrade.actors.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.peaktrade.actors.fixtures.SessionHarness.freshId;
import static org.peaktrade.actors.fixtures.SessionHarness.rising;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.actors.fixtures.SessionHarness;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.session.MarketDataSource;
import org.peaktrade.protocol.session.SessionMode;
import org.peaktrade.protocol.session.SessionSpec;
import org.peaktrade.protocol.session.SessionStatus;
import org.peaktrade.protocol.session.SessionView;

/**
 * The facade over the registry on the in-memory journal: starting, listing, stopping, and every way a start is
 * refused. BTC/USD is fed by a replay of recorded candles, ETH/USD by a generator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
class SessionRuntimeTest {
  private static final Symbol ETH = Symbol.of("ETH/USD");
  private static final Config CONFIG = ConfigFactory.parseString(
      "peaktrade.risk.portfolios.cautious { max-order-notional = 50000 }").withFallback(ConfigFactory.load());

  @JUnit5TestKit
  final ActorTestKit testKit = new JUnit5TestKitBuilder()
      .withCustomConfig(SessionHarness.config(ConfigFactory.load())).build();

  @TempDir
  static Path dataDir;

  private SessionService sessions;
  private SessionHarness harness;

  @BeforeAll
  void startRuntime() {
    harness = new SessionHarness(testKit, SessionHarness.settings(dataDir, ""));
    SessionFeeds feeds = SessionFeeds.of(Map.of(
        Bars.BTC, SessionHarness.replay(rising(0, 5)),
        ETH, new BarFeed(MarketDataSource.SYNTHETIC, Source.empty())));
    sessions = SessionRuntime.start(testKit.system(), harness.deps(feeds, CONFIG));
  }

  private static SessionSpec spec(String id, String strategy, Map<String, String> params, Symbol symbol,
      SessionMode mode, String sizing, String riskProfile) {
    return new SessionSpec(id, strategy, params, symbol, mode, sizing, riskProfile, new BigDecimal("10000"), null,
        null);
  }

  private static SessionSpec valid(String id, SessionMode mode) {
    return spec(id, "ma-cross", Map.of("fast", "2", "slow", "3"), Bars.BTC, mode, "equity-pct:50", "cautious");
  }

  private static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts {@code spec}, expects a {@link SessionRefusedException} and answers its message. */
  private String refusal(SessionSpec spec) {
    CompletionStage<SessionView> start = sessions.start(spec);
    assertThatThrownBy(() -> start.toCompletableFuture().get(20, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SessionRefusedException.class);
    return start.toCompletableFuture().handle((view, failure) ->
        (failure instanceof CompletionException ? failure.getCause() : failure).getMessage()).join();
  }

  @Test
  void aStartedShadowSessionOnReplayedCandlesRunsAndIsListedAndFound() {
    String id = freshId("shadow");
    harness.activate(id);
    SessionView started = await(sessions.start(valid(id, SessionMode.SHADOW)));

    assertThat(started.spec().id()).isEqualTo(id);
    assertThat(started.status()).isEqualTo(SessionStatus.RUNNING);
    assertThat(started.member()).isEqualTo(testKit.system().address().toString());
    assertThat(await(sessions.list())).extracting(view -> view.spec().id()).contains(id);
    testKit.createTestProbe().awaitAssert(Duration.ofSeconds(20), () -> {
      assertThat(await(sessions.get(id)).orElseThrow().barsSeen()).isEqualTo(5);
      return null;
    });
    assertThat(await(sessions.equity(id)).orElseThrow()).hasSize(5);
    assertThat(await(sessions.orders(id))).isPresent();
    assertThat(await(sessions.fills(id))).isPresent();
    assertThat(await(sessions.positions(id))).isPresent();
  }

  @Test
  void stoppingASessionKeepsItQueryableAsStopped() {
    String id = freshId("paper");
    await(sessions.start(valid(id, SessionMode.PAPER)));

    SessionView stopped = await(sessions.stop(id)).orElseThrow();

    assertThat(stopped.status()).isEqualTo(SessionStatus.STOPPED);
    assertThat(stopped.statusReason()).isEqualTo("stopped by an operator");
    assertThat(await(sessions.get(id)).orElseThrow().status()).isEqualTo(SessionStatus.STOPPED);
  }

  @Test
  void anUnknownSessionIsEmptyEverywhere() {
    assertThat(await(sessions.get("nope"))).isEmpty();
    assertThat(await(sessions.stop("nope"))).isEmpty();
    assertThat(await(sessions.orders("nope"))).isEmpty();
    assertThat(await(sessions.fills("nope"))).isEmpty();
    assertThat(await(sessions.positions("nope"))).isEmpty();
    assertThat(await(sessions.equity("nope"))).isEqualTo(Optional.empty());
  }

  @Test
  void aTakenIdIsRefused() {
    String id = freshId("twice");
    await(sessions.start(valid(id, SessionMode.PAPER)));

    assertThat(refusal(valid(id, SessionMode.PAPER))).isEqualTo("session id '" + id + "' is taken");
  }

  @Test
  void anUnknownStrategyIsRefusedListingTheValidOnes() {
    String message = refusal(spec(freshId("x"), "moon", Map.of(), Bars.BTC, SessionMode.PAPER, "qty:1", "default"));

    assertThat(message).contains("unknown strategy 'moon'; valid strategies: ma-cross, ");
  }

  @Test
  void anUnknownParameterIsRefusedNamingIt() {
    String message = refusal(spec(freshId("x"), "ma-cross", Map.of("fats", "3"), Bars.BTC, SessionMode.PAPER,
        "qty:1", "default"));

    assertThat(message).contains("strategy ma-cross: ").contains("fats").contains("fast").contains("slow");
  }

  @Test
  void everyProblemOfASpecIsNamedAtOnce() {
    String message = refusal(spec(freshId("x"), "ma-cross", Map.of(), Symbol.of("DOGE/USD"), SessionMode.PAPER,
        "all-in", "yolo"));

    assertThat(message)
        .contains("unknown size 'all-in': use qty:QUANTITY, notional:AMOUNT or equity-pct:PERCENT")
        .contains("risk profile 'yolo': ").contains("unknown risk portfolio 'yolo'; known: [cautious]")
        .contains("no market data for symbol DOGE/USD on this node; subscribed: [BTC/USD, ETH/USD]");
  }

  @Test
  void testnetIsRefusedNamingEveryMissingGate() {
    String message = refusal(valid(freshId("testnet"), SessionMode.TESTNET));

    assertThat(message).contains("TESTNET refused: LIVE_MARKET_DATA (TESTNET needs live market data; the session's"
        + " source is REPLAY); EXCHANGE_ADAPTER_AVAILABLE (no exchange adapter is available, so TESTNET cannot"
        + " reach an exchange)");
  }

  @Test
  void liveIsRefusedNamingEveryMissingGate() {
    String message = refusal(valid(freshId("live"), SessionMode.LIVE));

    assertThat(message).contains("LIVE refused: LIVE_MARKET_DATA", "EXCHANGE_ADAPTER_AVAILABLE",
        "LIVE_TRADING_ENABLED", "LIVE_MODE_ARMED", "DRY_RUN_OFF", "CONFIRM_TOKEN_VALID", "KILL_SWITCH_ACTIVE",
        "STRATEGY_ALLOWLISTED", "SYMBOL_ALLOWLISTED");
  }

  @Test
  void shadowOnSyntheticDataIsRefusedButPaperRunsOnIt() {
    SessionSpec shadow = spec(freshId("shadow-synthetic"), "ma-cross", Map.of(), ETH, SessionMode.SHADOW, "qty:1",
        "default");

    assertThat(refusal(shadow)).contains("SHADOW refused: REAL_MARKET_DATA (SHADOW needs real market data (live or"
        + " a replay of recorded candles); the session's source is SYNTHETIC)");
    assertThat(await(sessions.start(spec(freshId("paper-synthetic"), "ma-cross", Map.of(), ETH, SessionMode.PAPER,
        "qty:1", "default"))).status()).isEqualTo(SessionStatus.RUNNING);
  }

  @Test
  void aSessionIdTooLongForClientOrderIdsIsRefused() {
    String id = "s".repeat(41);

    assertThat(refusal(valid(id, SessionMode.PAPER))).contains("is longer than 40 characters");
  }
}
