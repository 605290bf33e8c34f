package org.peaktrade.actors.killswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.T0;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.code;
import static org.peaktrade.actors.fixtures.KillSwitchFixtures.settings;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peaktrade.actors.fixtures.AdvanceableClock;
import org.peaktrade.engine.killswitch.ApprovalVerdict;
import org.peaktrade.engine.killswitch.ApproverGuardRecord;
import org.peaktrade.protocol.killswitch.ApproverGuardEvent;
import org.peaktrade.protocol.killswitch.ApproverGuardEvent.ApprovalCodeAccepted;
import org.peaktrade.protocol.killswitch.ApproverGuardEvent.ApprovalCodeFailed;
import org.peaktrade.protocol.killswitch.ApproverGuardEvent.LockedOutAttemptRefused;
import org.peaktrade.protocol.killswitch.KillSwitchScope;

/** The guard entity over the in-memory persistence testkit, with every command, event and reply round-tripped. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApproverGuardTest {
  private static final AtomicInteger KEYS = new AtomicInteger();
  private static final KillSwitchScope SCOPE = KillSwitchScope.session("bf-0");

  private final ActorTestKit testKit = ActorTestKit.create(KillSwitchTest.CONFIG);

  @AfterAll
  void shutdown() {
    testKit.shutdownTestKit();
  }

  private final class Guard {
    final AdvanceableClock clock = new AdvanceableClock(T0);
    final String key = "mallory-" + KEYS.incrementAndGet();
    final EventSourcedBehaviorTestKit<ApproverGuard.Command, ApproverGuardEvent, ApproverGuardRecord> kit =
        EventSourcedBehaviorTestKit.create(testKit.system(), ApproverGuard.create(key, settings(), clock));

    CommandResultWithReply<ApproverGuard.Command, ApproverGuardEvent, ApproverGuardRecord, ApprovalVerdict> verify(
        char[] code) {
      return kit.runCommand(replyTo -> new ApproverGuard.Verify(SCOPE, key, code, replyTo));
    }
  }

  @Test
  void aWrongCodeIsJournaledAsAFailureAndTheCodeCleared() {
    Guard guard = new Guard();
    char[] guess = "guess".toCharArray();

    var result = guard.verify(guess);

    assertThat(result.event()).isEqualTo(new ApprovalCodeFailed(guard.key, SCOPE, null, T0));
    assertThat(result.reply()).isEqualTo(new ApprovalVerdict.Rejected(guard.key, null));
    assertThat(guess).containsOnly('\0');
  }

  @Test
  void theRightCodeIsAcceptedAndJournaled() {
    Guard guard = new Guard();

    var result = guard.verify(code());

    assertThat(result.event()).isEqualTo(new ApprovalCodeAccepted(guard.key, SCOPE, T0));
    assertThat(result.reply()).isEqualTo(new ApprovalVerdict.Accepted(guard.key));
  }

  @Test
  void aLockoutIsRebuiltFromTheJournalAfterARestart() {
    Guard guard = new Guard();
    for (int i = 0; i < 5; i++) {
      guard.verify("guess".toCharArray());
    }

    guard.kit.restart();
    guard.clock.advance(Duration.ofMinutes(14));
    var whileLocked = guard.verify(code());

    var lockedUntil = T0.plus(Duration.ofMinutes(15));
    assertThat(whileLocked.event()).isEqualTo(
        new LockedOutAttemptRefused(guard.key, SCOPE, lockedUntil, T0.plus(Duration.ofMinutes(14))));
    assertThat(whileLocked.reply()).isEqualTo(new ApprovalVerdict.LockedOut(guard.key, lockedUntil));

    guard.clock.advance(Duration.ofMinutes(1));
    assertThat(guard.verify(code()).reply()).isEqualTo(new ApprovalVerdict.Accepted(guard.key));
  }

  @Test
  void thePersistenceIdNamesTheEntityTypeAndApprover() {
    assertThat(ApproverGuard.persistenceId("mallory").id()).isEqualTo("approver-guard|mallory");
  }
}
