package org.peaktrade.actors.killswitch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.peaktrade.actors.fixtures.AdvanceableClock;
import org.peaktrade.actors.fixtures.ManualTicker;
import org.peaktrade.actors.fixtures.Statuses;
import org.peaktrade.engine.killswitch.GateDecision;
import org.peaktrade.engine.killswitch.ScopeView;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;

/**
 * Issue 15 B: the gate's views age on a monotonic ticker. The wall clock below steps by an hour in either direction
 * (as an NTP step would) and stamps the statuses the entity sends; the view's freshness follows the ticker only.
 */
class GateViewMonotonicTest {
  private final ManualTicker ticker = new ManualTicker();
  private final AdvanceableClock wallClock = new AdvanceableClock(Statuses.T0);
  private final GateView view = new GateView(ticker, new GateSettings(Duration.ofSeconds(5), Duration.ofSeconds(1)));

  private void confirmActive() {
    for (KillSwitchScope scope : new KillSwitchScope[] {KillSwitchScope.GLOBAL, KillSwitchScope.session("s1")}) {
      KillSwitchStatus status = Statuses.active(scope, 1);
      view.put(scope, ScopeView.of(status, view.nowMillis()));
    }
  }

  @Test
  void aForwardWallClockStepDoesNotStaleBlockAFreshView() {
    confirmActive();

    wallClock.advance(Duration.ofHours(1));
    ticker.advance(Duration.ofSeconds(4));

    assertThat(view.check("s1")).isEqualTo(GateDecision.ALLOWED);
    assertThat(new KillSwitchViewFreshCheck(view).run().toCompletableFuture().join().passed()).isTrue();
  }

  @Test
  void aBackwardWallClockStepDoesNotFreshenAStaleView() {
    confirmActive();

    ticker.advance(Duration.ofSeconds(6));
    wallClock.advance(Duration.ofHours(-1));

    assertThat(view.check("s1")).isEqualTo(GateDecision.blocked("global", "stale for 6.0s"));
    assertThat(new KillSwitchViewFreshCheck(view).run().toCompletableFuture().join().passed()).isFalse();
  }

  @Test
  void aViewBlocksExactlyOnceItsMonotonicAgeExceedsStaleAfter() {
    confirmActive();

    ticker.advance(Duration.ofMillis(5000));
    GateDecision atTheLimit = view.check("s1");
    ticker.advance(Duration.ofMillis(1));

    assertThat(atTheLimit).isEqualTo(GateDecision.ALLOWED);
    assertThat(view.check("s1").allowed()).isFalse();
  }
}
