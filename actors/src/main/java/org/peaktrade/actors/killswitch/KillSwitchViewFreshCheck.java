package org.peaktrade.actors.killswitch;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.peaktrade.engine.killswitch.ScopeView;
import org.peaktrade.protocol.killswitch.HealthCheckResult;

/**
 * Health check "kill-switch-view-fresh": passes while the node's {@link GateView} knows the global switch and has
 * had it confirmed within the gate's {@code stale-after}, whatever its state: a KILLED switch that the node knows
 * about is a node working as intended, an unknown or stale one means every order here is blocked because the node
 * has lost touch with the kill switch. Reads the view only, so it answers at once.
 */
public final class KillSwitchViewFreshCheck implements HealthCheck {
  public static final String NAME = "kill-switch-view-fresh";

  private final GateView view;

  public KillSwitchViewFreshCheck(GateView view) {
    this.view = view;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompletionStage<HealthCheckResult> run() {
    return CompletableFuture.completedFuture(check());
  }

  private HealthCheckResult check() {
    Optional<ScopeView> global = view.globalView();
    if (global.isEmpty()) {
      return new HealthCheckResult(NAME, false, "the global kill switch is unknown to this node's gate");
    }
    long ageMillis = view.nowMillis() - global.get().confirmedAtMillis();
    String seen = "global " + global.get().status().state() + ", confirmed "
        + String.format(Locale.ROOT, "%.1fs", ageMillis / 1000.0) + " ago";
    if (ageMillis > view.staleAfter().toMillis()) {
      return new HealthCheckResult(NAME, false, seen + ": stale (stale-after " + view.staleAfter().toMillis()
          + " ms)");
    }
    return new HealthCheckResult(NAME, true, seen);
  }
}
