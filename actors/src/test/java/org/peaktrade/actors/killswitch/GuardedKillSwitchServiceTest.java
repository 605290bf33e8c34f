package org.peaktrade.actors.killswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.POLICY;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.T0;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.code;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.freshScope;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peaktrade.engine.time.Ticker;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchState;
import org.peaktrade.protocol.killswitch.TriggerKind;

/** Only scopes that exist reach an entity, and free text with control characters reaches none. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuardedKillSwitchServiceTest {
  private static final Config CONFIG = ConfigFactory.parseString(
          "peaktrade.persistence.read-journal = \"pekko.persistence.testkit.query\"")
      .withFallback(PersistenceTestKitPlugin.config())
      .withFallback(PersistenceTestKitSnapshotPlugin.config())
      .withFallback(ConfigFactory.load());

  private final ActorTestKit testKit = ActorTestKit.create(CONFIG);
  private final PersistenceTestKit journal = PersistenceTestKit.create(testKit.system());
  private final KillSwitchRuntime runtime = KillSwitchRuntime.start(testKit.system(),
      new KillSwitchSettings(POLICY, 100, Duration.ofSeconds(5), Duration.ofSeconds(1)),
      Clock.fixed(T0, ZoneOffset.UTC), Ticker.SYSTEM, List.of());
  private final Set<String> sessions = ConcurrentHashMap.newKeySet();
  private final GuardedKillSwitchService service = new GuardedKillSwitchService(runtime,
      id -> CompletableFuture.completedFuture(sessions.contains(id)));

  @AfterAll
  void shutdown() {
    testKit.shutdownTestKit();
  }

  private static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static Throwable failure(CompletionStage<?> stage) {
    return assertThatThrownBy(() -> await(stage)).isInstanceOf(ExecutionException.class).actual().getCause();
  }

  private Set<KillSwitchScope> entities() throws Exception {
    return await(KillSwitchRegistry.entities(testKit.system(), Duration.ofSeconds(5)));
  }

  private KillSwitchScope knownScope() {
    KillSwitchScope scope = freshScope();
    sessions.add(scope.value().substring("session:".length()));
    return scope;
  }

  @Test
  void refusesEveryCallOnASessionThatDoesNotExistWithoutCreatingAnEntityOrAJournalRow() throws Exception {
    KillSwitchScope ghost = freshScope();

    assertThat(failure(service.status(ghost))).isInstanceOf(UnknownScopeException.class)
        .hasMessageContaining("no session '" + ghost.value().substring(8) + "'");
    assertThat(failure(service.trigger(ghost, TriggerKind.MANUAL, "alice", "halt", Map.of())))
        .isInstanceOf(UnknownScopeException.class);
    assertThat(failure(service.requestRecovery(ghost, "bob", code()))).isInstanceOf(UnknownScopeException.class);
    assertThat(failure(service.completeRecovery(ghost, "bob"))).isInstanceOf(UnknownScopeException.class);
    assertThat(failure(service.events(ghost, 0, 10))).isInstanceOf(UnknownScopeException.class);

    assertThat(entities()).doesNotContain(ghost);
    assertThat(journal.persistedInStorage(KillSwitch.persistenceId(ghost).id())).isEmpty();
  }

  @Test
  void servesASessionTheNodeKnows() throws Exception {
    KillSwitchScope scope = knownScope();

    assertThat(await(service.trigger(scope, TriggerKind.MANUAL, "alice", "halt", Map.of())).accepted()).isTrue();

    assertThat(await(service.status(scope)).state()).isEqualTo(KillSwitchState.KILLED);
    assertThat(await(service.events(scope, 0, 10))).hasSize(1);
  }

  @Test
  void keepsTheSwitchOfASessionNoLongerKnownReachableWhileItHasHistory() throws Exception {
    KillSwitchScope scope = freshScope();
    await(runtime.trigger(scope, TriggerKind.MANUAL, "alice", "halt before the session could not resume", Map.of()));

    assertThat(await(service.status(scope)).state()).isEqualTo(KillSwitchState.KILLED);
    assertThat(await(service.events(scope, 0, 10))).hasSize(1);
  }

  @Test
  void alwaysServesTheGlobalScope() throws Exception {
    assertThat(await(service.status(KillSwitchScope.GLOBAL)).scope()).isEqualTo(KillSwitchScope.GLOBAL);
  }

  @Test
  void refusesControlCharactersInEveryFreeTextFieldBeforeAnythingIsJournaled() throws Exception {
    KillSwitchScope scope = knownScope();

    assertThat(failure(service.trigger(scope, TriggerKind.MANUAL, "alice", "halt\u0000", Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reason: contains control character U+0000 at index 4");
    assertThat(failure(service.trigger(scope, TriggerKind.MANUAL, "al\u202Eice", "halt", Map.of())))
        .hasMessage("identity: contains control character U+202E at index 2");
    assertThat(failure(service.trigger(scope, TriggerKind.MANUAL, "alice", "halt", Map.of("desk", "fx\u0085"))))
        .hasMessage("metadata[desk]: contains control character U+0085 at index 2");
    assertThat(failure(service.requestRecovery(scope, "bob\u2066", code())))
        .hasMessage("approver: contains control character U+2066 at index 3");
    assertThat(failure(service.completeRecovery(scope, "\u007Fbob")))
        .hasMessage("identity: contains control character U+007F at index 0");

    assertThat(journal.persistedInStorage(KillSwitch.persistenceId(scope).id())).isEmpty();
  }
}
