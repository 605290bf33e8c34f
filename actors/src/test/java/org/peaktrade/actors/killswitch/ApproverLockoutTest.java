package org.peaktrade.actors.killswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.POLICY;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.T0;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.code;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peaktrade.actors.fixtures.AdvanceableClock;
import org.peaktrade.engine.killswitch.ApproverGuardRecord;
import org.peaktrade.protocol.killswitch.ApproverGuardEvent.ApprovalCodeFailed;
import org.peaktrade.protocol.killswitch.ApproverGuardEvent.LockedOutAttemptRefused;
import org.peaktrade.protocol.killswitch.KillSwitchEvent.RecoveryLockedOut;
import org.peaktrade.protocol.killswitch.KillSwitchReply;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchState;
import org.peaktrade.protocol.killswitch.RefusalReason;
import org.peaktrade.protocol.killswitch.TriggerKind;

/**
 * Issue 15: wrong approval codes spread over many session scopes meet one count per approver (the approver's guard
 * behind {@link KillSwitchRuntime}), over the in-memory journal with the default policy (5 wrong codes within 15 min
 * lock out for 15 min).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApproverLockoutTest {
  private static final Config CONFIG = ConfigFactory.parseString(
          "peaktrade.persistence.read-journal = \"pekko.persistence.testkit.query\"")
      .withFallback(PersistenceTestKitPlugin.config())
      .withFallback(PersistenceTestKitSnapshotPlugin.config())
      .withFallback(ConfigFactory.load());
  private static final AtomicInteger NAMES = new AtomicInteger();

  private final ActorTestKit testKit = ActorTestKit.create(CONFIG);
  private final AdvanceableClock clock = new AdvanceableClock(T0);
  private final KillSwitchRuntime runtime = KillSwitchRuntime.start(testKit.system(),
      new KillSwitchSettings(POLICY, 100, Duration.ofSeconds(10), Duration.ofSeconds(2)), clock, clock,
      List.of());
  private final PersistenceTestKit journal = PersistenceTestKit.create(testKit.system());

  @AfterAll
  void shutdown() {
    testKit.shutdownTestKit();
  }

  private static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** Kills {@code count} fresh session scopes named like the brute force of the issue ({@code bf-N}). */
  private List<KillSwitchScope> killedScopes(int count) throws Exception {
    String run = "bf" + NAMES.incrementAndGet() + "-";
    List<KillSwitchScope> scopes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      KillSwitchScope scope = KillSwitchScope.session(run + i);
      await(runtime.trigger(scope, TriggerKind.MANUAL, "alice", "brute-force drill", Map.of()));
      scopes.add(scope);
    }
    return scopes;
  }

  private static String freshApprover() {
    return "mallory-" + NAMES.incrementAndGet();
  }

  private KillSwitchReply guess(KillSwitchScope scope, String approver) throws Exception {
    return await(runtime.requestRecovery(scope, approver, "guess".toCharArray()));
  }

  @Test
  void locksOutApproverAcrossScopesAndRefusesEvenTheRightCodeUntilTheLockEnds() throws Exception {
    List<KillSwitchScope> scopes = killedScopes(10);
    String mallory = freshApprover();
    Instant start = clock.instant();

    List<RefusalReason> firstFive = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      firstFive.add(guess(scopes.get(i), mallory).refusal());
    }
    KillSwitchReply sixth = guess(scopes.get(5), mallory);
    KillSwitchReply rightCodeWhileLocked = await(runtime.requestRecovery(scopes.get(6), mallory, code()));

    Instant lockedUntil = start.plus(Duration.ofMinutes(15));
    assertThat(firstFive).containsOnly(RefusalReason.BAD_APPROVAL_CODE).hasSize(5);
    assertThat(sixth.refusal()).isEqualTo(RefusalReason.LOCKED_OUT);
    assertThat(sixth.lockedUntil()).isEqualTo(lockedUntil);
    assertThat(rightCodeWhileLocked.refusal()).isEqualTo(RefusalReason.LOCKED_OUT);
    assertThat(rightCodeWhileLocked.status().state()).isEqualTo(KillSwitchState.KILLED);

    clock.advance(Duration.ofMinutes(15));
    KillSwitchReply afterTheLock = await(runtime.requestRecovery(scopes.get(6), mallory, code()));

    assertThat(afterTheLock.accepted()).isTrue();
    assertThat(afterTheLock.status().state()).isEqualTo(KillSwitchState.RECOVERING);
  }

  @Test
  void theGuardJournalAuditsEveryFailureWithScopeApproverAndTimeAndTheSwitchJournalTheRefusal() throws Exception {
    List<KillSwitchScope> scopes = killedScopes(7);
    String mallory = freshApprover();
    Instant at = clock.instant();
    for (int i = 0; i < 7; i++) {
      guess(scopes.get(i), mallory);
    }

    Instant lockedUntil = at.plus(Duration.ofMinutes(15));
    assertThat(journal.persistedInStorage(ApproverGuard.persistenceId(ApproverGuardRecord.key(mallory)).id()))
        .containsExactly(
            new ApprovalCodeFailed(mallory, scopes.get(0), null, at),
            new ApprovalCodeFailed(mallory, scopes.get(1), null, at),
            new ApprovalCodeFailed(mallory, scopes.get(2), null, at),
            new ApprovalCodeFailed(mallory, scopes.get(3), null, at),
            new ApprovalCodeFailed(mallory, scopes.get(4), lockedUntil, at),
            new LockedOutAttemptRefused(mallory, scopes.get(5), lockedUntil, at),
            new LockedOutAttemptRefused(mallory, scopes.get(6), lockedUntil, at));
    assertThat(await(runtime.events(scopes.get(6), 1, 10)))
        .extracting(KillSwitchService.RecordedEvent::event)
        .containsExactly(new RecoveryLockedOut(mallory, lockedUntil, at));
  }

  @Test
  void twoApproversAreCountedIndependently() throws Exception {
    List<KillSwitchScope> scopes = killedScopes(6);
    String mallory = freshApprover();
    for (int i = 0; i < 6; i++) {
      guess(scopes.get(i), mallory);
    }
    String bob = "bob-" + NAMES.incrementAndGet();

    KillSwitchReply bobsGuess = guess(scopes.get(0), bob);
    KillSwitchReply bobsRightCode = await(runtime.requestRecovery(scopes.get(1), bob, code()));

    assertThat(bobsGuess.refusal()).isEqualTo(RefusalReason.BAD_APPROVAL_CODE);
    assertThat(bobsRightCode.accepted()).isTrue();
    assertThat(guess(scopes.get(2), mallory).refusal()).isEqualTo(RefusalReason.LOCKED_OUT);
  }

  @Test
  void theSameApproverTypedDifferentlyIsOneApprover() throws Exception {
    List<KillSwitchScope> scopes = killedScopes(6);
    String mallory = freshApprover();
    for (int i = 0; i < 5; i++) {
      guess(scopes.get(i), i % 2 == 0 ? mallory : " " + mallory.toUpperCase() + " ");
    }

    assertThat(guess(scopes.get(5), mallory).refusal()).isEqualTo(RefusalReason.LOCKED_OUT);
  }

  @Test
  void concurrentWrongCodesCannotExceedTheLimit() throws Exception {
    List<KillSwitchScope> scopes = killedScopes(20);
    String mallory = freshApprover();

    List<CompletableFuture<KillSwitchReply>> replies = scopes.stream()
        .map(scope -> runtime.requestRecovery(scope, mallory, "guess".toCharArray()).toCompletableFuture())
        .toList();
    List<RefusalReason> refusals = new ArrayList<>();
    for (CompletableFuture<KillSwitchReply> reply : replies) {
      refusals.add(await(reply).refusal());
    }

    assertThat(refusals).filteredOn(RefusalReason.BAD_APPROVAL_CODE::equals).hasSize(5);
    assertThat(refusals).filteredOn(RefusalReason.LOCKED_OUT::equals).hasSize(15);
  }

  @Test
  void wrongCodesAgainstAnActiveScopeCountToo() throws Exception {
    List<KillSwitchScope> killed = killedScopes(1);
    String mallory = freshApprover();
    KillSwitchScope active = KillSwitchScope.session("active-" + NAMES.incrementAndGet());
    for (int i = 0; i < 5; i++) {
      assertThat(guess(active, mallory).refusal()).isEqualTo(RefusalReason.WRONG_STATE);
    }

    assertThat(guess(killed.get(0), mallory).refusal()).isEqualTo(RefusalReason.LOCKED_OUT);
  }
}
