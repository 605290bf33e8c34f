package org.peaktrade.actors.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.actors.fixtures.SessionHarness.freshId;

import com.typesafe.config.ConfigFactory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.actors.fixtures.LandedButFailedJournal;
import org.peaktrade.actors.fixtures.Polling;
import org.peaktrade.actors.fixtures.SessionHarness;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.session.MarketDataSource;
import org.peaktrade.protocol.session.SessionMode;
import org.peaktrade.protocol.session.SessionSpec;
import org.peaktrade.protocol.session.SessionView;

/**
 * The single-node facade while a session is busy: its journal write is held back (as a slow disk or thousands of
 * sessions catching up hold it), so the session stashes every question until the write is done. (The journal answers
 * writes in the order they came, so a held write holds up the answers to every later write; the quiet session writes
 * nothing after it.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
class SessionRuntimeBusySessionTest {
  /** The quiet session's symbol: a feed without bars, so it writes nothing while the busy one's write is held. */
  private static final Symbol ETH = Symbol.of("ETH/USD");
  @JUnit5TestKit
  final ActorTestKit testKit = new JUnit5TestKitBuilder().withCustomConfig(LandedButFailedJournal.config(
      PersistenceTestKitSnapshotPlugin.config().withFallback(ConfigFactory.load()))).build();

  @TempDir
  static Path dataDir;

  private SessionService sessions;

  @BeforeAll
  void startRuntime() {
    SessionHarness harness = new SessionHarness(testKit, SessionHarness.settings(dataDir,
        "peaktrade.sessions.ask-timeout = 1s"));
    sessions = SessionRuntime.start(testKit.system(),
        harness.deps(SessionFeeds.of(Map.of(Bars.BTC, SessionHarness.replay(fallingThenRising()),
            ETH, new BarFeed(MarketDataSource.SYNTHETIC, Source.empty()))), ConfigFactory.load()));
  }

  /** Six falling bars, then six rising: the fast average crosses above the slow one and the strategy buys. */
  private static List<Bar> fallingThenRising() {
    return IntStream.range(0, 12).mapToObj(minute -> {
      Price price = Price.of(String.valueOf(minute < 6 ? 110 - minute : 100 + minute));
      return new Bar(Bars.BTC, Bars.T0.plus(Bars.MINUTE.multipliedBy(minute)), Bars.MINUTE, price, price, price,
          price, Quantity.of("1"));
    }).toList();
  }

  private static SessionSpec trending(String id, Symbol symbol) {
    return new SessionSpec(id, "ma-cross", Map.of("fast", "2", "slow", "3"), symbol, SessionMode.PAPER,
        "equity-pct:50", "default", new BigDecimal("10000"), null, null);
  }

  private static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  @Test
  void listsASessionThatDoesNotAnswerInTimeWithItsLastViewMarkedUnreachable() throws Exception {
    String quiet = freshId("quiet");
    String busy = freshId("busy");
    await(sessions.start(trending(quiet, ETH)));
    LandedButFailedJournal.HeldWrite hold = LandedButFailedJournal.holdNextWrite(
        TradingSession.persistenceId(busy).id(), event -> SessionJournal.expanded(List.of(event)).stream()
            .anyMatch(TradingSession.Event.OrderUpdated.class::isInstance));
    SessionView started = await(sessions.start(trending(busy, Bars.BTC)));
    hold.arrived().get(20, TimeUnit.SECONDS);

    List<SessionView> listed = await(sessions.list());
    SessionView busyListed = listed.stream().filter(view -> view.spec().id().equals(busy)).findFirst().orElseThrow();
    SessionView quietListed = listed.stream().filter(view -> view.spec().id().equals(quiet)).findFirst()
        .orElseThrow();
    assertThat(busyListed.reachable()).isFalse();
    assertThat(busyListed.barsSeen()).isEqualTo(started.barsSeen());
    assertThat(quietListed.reachable()).isTrue();
    assertThat(await(sessions.get(busy)).orElseThrow().reachable()).isFalse();

    hold.release().complete(null);
    Polling.until("the busy session answers again", Duration.ofSeconds(20),
        () -> await(sessions.get(busy)).orElseThrow().reachable());
    assertThat(await(sessions.list()).stream().allMatch(SessionView::reachable)).isTrue();
  }

  @Test
  void answersFromTheRegistryWhileEveryThreadOfTheDefaultDispatcherIsBusy() throws Exception {
    String id = freshId("crowded");
    await(sessions.start(trending(id, ETH)));
    CountDownLatch release = new CountDownLatch(1);
    int blockers = 4 * Runtime.getRuntime().availableProcessors() + 32;
    CountDownLatch blocking = new CountDownLatch(blockers);
    List<ActorRef<String>> crowd = new ArrayList<>();
    for (int i = 0; i < blockers; i++) {
      crowd.add(testKit.spawn(Behaviors.receiveMessage(work -> {
        blocking.countDown();
        release.await(30, TimeUnit.SECONDS);
        return Behaviors.same();
      }), DispatcherSelector.defaultDispatcher()));
    }
    try {
      crowd.forEach(busyActor -> busyActor.tell("block the thread"));
      blocking.await(5, TimeUnit.SECONDS);
      SessionView shown = await(sessions.get(id)).orElseThrow();
      assertThat(shown.reachable()).isFalse();
      assertThat(shown.spec().id()).isEqualTo(id);
    } finally {
      release.countDown();
    }
    Polling.until("the session answers again", Duration.ofSeconds(20),
        () -> await(sessions.get(id)).orElseThrow().reachable());
  }
}
