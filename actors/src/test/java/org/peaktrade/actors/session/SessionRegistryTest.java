package org.peaktrade.actors.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.actors.fixtures.SessionHarness.rising;

import com.typesafe.config.ConfigFactory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.actors.fixtures.SessionHarness;
import org.peaktrade.protocol.session.SessionMode;
import org.peaktrade.protocol.session.SessionSpec;

/**
 * The registry as an event-sourced behavior: what it persists, what it refuses without persisting, and that it
 * starts its sessions again after a restart. Events and state round-trip through Jackson; commands and replies
 * carry actor refs and stay local, so they are not checked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
class SessionRegistryTest {
  @JUnit5TestKit
  final ActorTestKit testKit = new JUnit5TestKitBuilder()
      .withCustomConfig(EventSourcedBehaviorTestKit.config().withFallback(SessionHarness.config(ConfigFactory.load())))
      .build();

  @TempDir
  static Path dataDir;

  private EventSourcedBehaviorTestKit<SessionRegistry.Command, SessionRegistry.Event, SessionRegistry.State> kit;
  private SessionDependencies deps;

  @BeforeEach
  void startRegistry() {
    PersistenceTestKit.create(testKit.system()).clearAll();
    SessionHarness harness = new SessionHarness(testKit, SessionHarness.settings(dataDir, ""));
    deps = harness.deps(
        SessionFeeds.of(Map.of(Bars.BTC, SessionHarness.replay(rising(0, 3)))), ConfigFactory.load());
    kit = EventSourcedBehaviorTestKit.create(testKit.system(), SessionRegistry.create(deps),
        EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyCommands(false));
  }

  private static SessionSpec spec(String id, String strategy) {
    return new SessionSpec(id, strategy, Map.of(), Bars.BTC, SessionMode.PAPER, "qty:1", "default",
        new BigDecimal("1000"), null, null);
  }

  @Test
  void aValidStartIsPersistedAndStartsTheSession() {
    var result = kit.<SessionRegistry.StartReply>runCommand(replyTo -> new SessionRegistry.Start(spec("a", "ma-cross"),
        replyTo));

    assertThat(result.reply()).isInstanceOf(SessionRegistry.Started.class);
    assertThat(result.eventOfType(SessionRegistry.Event.SessionRegistered.class).spec())
        .isEqualTo(spec("a", "ma-cross"));
    assertThat(result.state().specs()).containsOnlyKeys("a");
  }

  @Test
  void aRefusedStartPersistsNothing() {
    var result = kit.<SessionRegistry.StartReply>runCommand(replyTo -> new SessionRegistry.Start(spec("b", "nope"),
        replyTo));

    assertThat(result.reply()).isInstanceOfSatisfying(SessionRegistry.Refused.class,
        refused -> assertThat(refused.reason()).startsWith("session b refused: unknown strategy 'nope'"));
    assertThat(result.hasNoEvents()).isTrue();
  }

  @Test
  void afterARestartTheRegistryStartsItsSessionsAgain() {
    kit.<SessionRegistry.StartReply>runCommand(replyTo -> new SessionRegistry.Start(spec("c", "ma-cross"), replyTo));

    var restarted = kit.restart();
    var found = kit.<Optional<ActorRef<TradingSession.Command>>>runCommand(
        replyTo -> new SessionRegistry.Find("c", replyTo));

    assertThat(restarted.state().specs()).containsOnlyKeys("c");
    assertThat(found.reply()).isPresent();
  }

  @Test
  void aStartTheJournalFailsGoesUnansweredWhileTheRunningSessionsStayAndTheNextStartIsTaken() {
    ActorRef<SessionRegistry.Command> registry = testKit.spawn(SessionRegistry.create(deps));
    TestProbe<SessionRegistry.StartReply> replies = testKit.createTestProbe();
    registry.tell(new SessionRegistry.Start(spec("d", "ma-cross"), replies.ref()));
    ActorRef<TradingSession.Command> running = ((SessionRegistry.Started) replies.receiveMessage()).session();

    // Only the registry's next write fails: the running session persists its own events at the same time.
    PersistenceTestKit.create(testKit.system()).failNextPersisted(SessionRegistry.PERSISTENCE_ID.id());
    registry.tell(new SessionRegistry.Start(spec("e", "ma-cross"), replies.ref()));
    replies.expectNoMessage(Duration.ofMillis(500));

    TestProbe<Optional<ActorRef<TradingSession.Command>>> found = testKit.createTestProbe();
    found.awaitAssert(Duration.ofSeconds(10), () -> {
      registry.tell(new SessionRegistry.Find("d", found.ref()));
      assertThat(found.receiveMessage(Duration.ofMillis(300))).as("the same session, not a new one").contains(running);
      return null;
    });
    registry.tell(new SessionRegistry.Start(spec("e", "ma-cross"), replies.ref()));
    assertThat(replies.receiveMessage()).isInstanceOf(SessionRegistry.Started.class);
  }
}
