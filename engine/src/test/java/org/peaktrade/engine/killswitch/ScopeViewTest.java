package org.peaktrade.engine.killswitch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchState;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;
import org.peaktrade.protocol.killswitch.TriggerKind;

class ScopeViewTest {
  private static final Instant T = Instant.parse("2026-01-05T10:00:00Z");
  private static final long STALE_AFTER = 5_000;

  private static KillSwitchStatus active(long revision) {
    return new KillSwitchStatus(KillSwitchScope.GLOBAL, KillSwitchState.ACTIVE, T, revision, null, null, null, null,
        null, null);
  }

  private static KillSwitchStatus killed(long revision) {
    return new KillSwitchStatus(KillSwitchScope.GLOBAL, KillSwitchState.KILLED, T, revision, TriggerKind.MANUAL,
        "ops@x", "fat finger", null, null, null);
  }

  @Test
  void aFreshActiveViewAllowsWithTheSharedConstant() {
    assertThat(ScopeView.of(active(1), 1_000).decide(6_000, STALE_AFTER)).isSameAs(GateDecision.ALLOWED);
  }

  @Test
  void aViewOlderThanStaleAfterBlocksWithItsAge() {
    assertThat(ScopeView.of(active(1), 1_000).decide(8_200, STALE_AFTER))
        .isEqualTo(GateDecision.blocked("global", "stale for 7.2s"));
  }

  @Test
  void aKilledViewBlocksNamingKindIdentityAndReason() {
    assertThat(ScopeView.of(killed(2), 0).decide(0, STALE_AFTER).message())
        .isEqualTo("global: KILLED by MANUAL (ops@x): fat finger");
  }

  @Test
  void anOlderRevisionChangesNothing() {
    ScopeView view = ScopeView.of(killed(2), 0);
    assertThat(view.confirm(active(1), 100)).isSameAs(view);
  }

  @Test
  void theSameRevisionRenewsFreshness() {
    ScopeView view = ScopeView.of(active(3), 0).confirm(active(3), 4_000);
    assertThat(view.confirmedAtMillis()).isEqualTo(4_000);
    assertThat(view.decide(8_000, STALE_AFTER).allowed()).isTrue();
  }
}
