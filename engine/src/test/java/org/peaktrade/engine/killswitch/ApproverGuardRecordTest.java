package org.peaktrade.engine.killswitch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.peaktrade.protocol.killswitch.ApproverGuardEvent;
import org.peaktrade.protocol.killswitch.ApproverGuardEvent.ApprovalCodeAccepted;
import org.peaktrade.protocol.killswitch.ApproverGuardEvent.ApprovalCodeFailed;
import org.peaktrade.protocol.killswitch.ApproverGuardEvent.LockedOutAttemptRefused;
import org.peaktrade.protocol.killswitch.KillSwitchScope;

class ApproverGuardRecordTest {
  static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
  static final KillSwitchPolicy POLICY = KillSwitchPolicy.defaults(KillSwitchRecordTest.HASH);
  static final BooleanSupplier WRONG = () -> false;
  static final BooleanSupplier RIGHT = () -> true;

  static KillSwitchScope scope(int i) {
    return KillSwitchScope.session("bf-" + i);
  }

  /** Wrong codes at {@code seconds} after NOW, each for another scope; the recorded events in order. */
  static List<ApproverGuardEvent> wrongCodes(List<ApproverGuardEvent> events, int... seconds) {
    for (int i = 0; i < seconds.length; i++) {
      ApproverGuardRecord state = replay(events);
      events.add(state.attempt("mallory", scope(i), WRONG, POLICY, NOW.plusSeconds(seconds[i])));
    }
    return events;
  }

  static ApproverGuardRecord replay(List<ApproverGuardEvent> events) {
    ApproverGuardRecord state = ApproverGuardRecord.INITIAL;
    for (ApproverGuardEvent event : events) {
      state = state.apply(event);
    }
    return state;
  }

  @Test
  void theFifthWrongCodeAcrossScopesLocksTheApproverOutForFifteenMinutes() {
    List<ApproverGuardEvent> events = wrongCodes(new ArrayList<>(), 0, 60, 120, 180, 240);

    Instant fifth = NOW.plusSeconds(240);
    assertThat(events).containsExactly(
        new ApprovalCodeFailed("mallory", scope(0), null, NOW),
        new ApprovalCodeFailed("mallory", scope(1), null, NOW.plusSeconds(60)),
        new ApprovalCodeFailed("mallory", scope(2), null, NOW.plusSeconds(120)),
        new ApprovalCodeFailed("mallory", scope(3), null, NOW.plusSeconds(180)),
        new ApprovalCodeFailed("mallory", scope(4), fifth.plus(Duration.ofMinutes(15)), fifth));
    assertThat(ApproverGuardRecord.verdict(events.get(4)))
        .isEqualTo(new ApprovalVerdict.Rejected("mallory", fifth.plus(Duration.ofMinutes(15))));
  }

  @Test
  void whileLockedOutEvenTheRightCodeIsRefusedWithoutBeingChecked() {
    ApproverGuardRecord locked = replay(wrongCodes(new ArrayList<>(), 0, 1, 2, 3, 4));
    Instant at = NOW.plusSeconds(600);
    BooleanSupplier mustNotRun = () -> {
      throw new AssertionError("the code must not be checked during a lock-out");
    };

    ApproverGuardEvent event = locked.attempt("mallory", scope(9), mustNotRun, POLICY, at);

    Instant until = NOW.plusSeconds(4).plus(Duration.ofMinutes(15));
    assertThat(event).isEqualTo(new LockedOutAttemptRefused("mallory", scope(9), until, at));
    assertThat(ApproverGuardRecord.verdict(event)).isEqualTo(new ApprovalVerdict.LockedOut("mallory", until));
    assertThat(locked.apply(event)).isEqualTo(locked);
  }

  @ParameterizedTest(name = "{0} s after the lock-out started: {1}")
  @CsvSource({
      "899, locked-out",
      "900, accepted",
      "3600, accepted"})
  void theRightCodeIsAcceptedAgainExactlyWhenTheLockoutEnds(long secondsAfterFifth, String outcome) {
    ApproverGuardRecord locked = replay(wrongCodes(new ArrayList<>(), 0, 1, 2, 3, 4));
    Instant at = NOW.plusSeconds(4 + secondsAfterFifth);

    ApprovalVerdict verdict = ApproverGuardRecord.verdict(locked.attempt("mallory", scope(0), RIGHT, POLICY, at));

    assertThat(verdict).isInstanceOf(
        outcome.equals("accepted") ? ApprovalVerdict.Accepted.class : ApprovalVerdict.LockedOut.class);
  }

  @ParameterizedTest(name = "four wrong codes, the fifth {0} s after the first: starts a lock-out = {1}")
  @CsvSource({
      "899, true",
      "900, true",
      "901, false"})
  void onlyWrongCodesWithinTheWindowCount(long fifthAt, boolean startsLockout) {
    List<ApproverGuardEvent> events = wrongCodes(new ArrayList<>(), 0, 1, 2, 3);
    Instant at = NOW.plusSeconds(fifthAt);

    ApproverGuardEvent fifth = replay(events).attempt("mallory", scope(4), WRONG, POLICY, at);

    assertThat(fifth).isEqualTo(new ApprovalCodeFailed("mallory", scope(4),
        startsLockout ? at.plus(Duration.ofMinutes(15)) : null, at));
  }

  @Test
  void afterALockoutWrongCodesAreCountedAfresh() {
    ApproverGuardRecord locked = replay(wrongCodes(new ArrayList<>(), 0, 1, 2, 3, 4));
    Instant end = NOW.plusSeconds(4).plus(Duration.ofMinutes(15));

    assertThat(locked.attempt("mallory", scope(0), WRONG, POLICY, end))
        .isEqualTo(new ApprovalCodeFailed("mallory", scope(0), null, end));
  }

  @Test
  void anAcceptedCodeClearsTheCountedFailures() {
    List<ApproverGuardEvent> events = wrongCodes(new ArrayList<>(), 0, 1, 2, 3);
    ApproverGuardEvent accepted = replay(events).attempt("mallory", scope(0), RIGHT, POLICY, NOW.plusSeconds(5));
    events.add(accepted);

    assertThat(accepted).isEqualTo(new ApprovalCodeAccepted("mallory", scope(0), NOW.plusSeconds(5)));
    assertThat(replay(events).failures()).isEqualTo(ApprovalFailures.NONE);
    assertThat(replay(events).attempt("mallory", scope(1), WRONG, POLICY, NOW.plusSeconds(6)))
        .isEqualTo(new ApprovalCodeFailed("mallory", scope(1), null, NOW.plusSeconds(6)));
  }

  @Test
  void approversAreKeyedAsPeopleTypeThem() {
    assertThat(ApproverGuardRecord.key("  Mallory ")).isEqualTo(ApproverGuardRecord.key("mallory"));
  }

  @Test
  void aBlankApproverOrAMissingCodeIsInvalidWithoutTheGuardAndNotCounted() {
    assertThat(ApprovalVerdict.withoutGuard(" ", "x".toCharArray(), POLICY))
        .contains(new ApprovalVerdict.Invalid("approver identity is required"));
    assertThat(ApprovalVerdict.withoutGuard("bob", new char[0], POLICY))
        .contains(new ApprovalVerdict.Invalid("approval code is required"));
    assertThat(ApprovalVerdict.withoutGuard("bob", null, POLICY))
        .contains(new ApprovalVerdict.Invalid("approval code is required"));
    assertThat(ApprovalVerdict.withoutGuard("bob", "x".toCharArray(), POLICY)).isEqualTo(Optional.empty());
  }

  @Test
  void withoutRequiredCodesEveryRequestIsAcceptedWithoutTheGuard() {
    KillSwitchPolicy open = new KillSwitchPolicy(Duration.ofSeconds(30), 5, Duration.ofMinutes(15),
        Duration.ofMinutes(15), false, null, false);

    assertThat(ApprovalVerdict.withoutGuard(" bob ", null, open)).contains(new ApprovalVerdict.Accepted("bob"));
  }
}
