package org.peaktrade.actors.killswitch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.peaktrade.actors.fixtures.AdvanceableClock;
import org.peaktrade.actors.fixtures.Statuses;
import org.peaktrade.engine.killswitch.ScopeView;
import org.peaktrade.protocol.killswitch.HealthCheckResult;
import org.peaktrade.protocol.killswitch.KillSwitchScope;

class KillSwitchViewFreshCheckTest {
  private final AdvanceableClock clock = new AdvanceableClock(Statuses.T0);
  private final GateView view = new GateView(clock, new GateSettings(Duration.ofSeconds(5), Duration.ofSeconds(1)));
  private final KillSwitchViewFreshCheck check = new KillSwitchViewFreshCheck(view);

  @Test
  void failsWhileTheGateHasNotHeardOfTheGlobalSwitch() {
    HealthCheckResult result = run();

    assertThat(result.passed()).isFalse();
    assertThat(result.name()).isEqualTo("kill-switch-view-fresh");
    assertThat(result.detail()).contains("unknown");
  }

  @Test
  void passesWhenTheGlobalSwitchWasConfirmedWithinStaleAfter() {
    view.put(KillSwitchScope.GLOBAL, ScopeView.of(Statuses.active(KillSwitchScope.GLOBAL, 0), clock.millis()));
    clock.advance(Duration.ofSeconds(5));

    HealthCheckResult result = run();

    assertThat(result.passed()).isTrue();
    assertThat(result.detail()).isEqualTo("global ACTIVE, confirmed 5.0s ago");
  }

  @Test
  void passesForAKilledSwitchTheNodeKnowsAbout() {
    view.put(KillSwitchScope.GLOBAL, ScopeView.of(Statuses.killed(KillSwitchScope.GLOBAL, 1), clock.millis()));

    assertThat(run().passed()).isTrue();
  }

  @Test
  void failsOnceTheViewIsOlderThanStaleAfter() {
    view.put(KillSwitchScope.GLOBAL, ScopeView.of(Statuses.active(KillSwitchScope.GLOBAL, 0), clock.millis()));
    clock.advance(Duration.ofMillis(5_001));

    HealthCheckResult result = run();

    assertThat(result.passed()).isFalse();
    assertThat(result.detail()).isEqualTo("global ACTIVE, confirmed 5.0s ago: stale (stale-after 5000 ms)");
  }

  private HealthCheckResult run() {
    return check.run().toCompletableFuture().join();
  }
}
