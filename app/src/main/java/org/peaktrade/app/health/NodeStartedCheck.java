package org.peaktrade.app.health;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.peaktrade.actors.killswitch.HealthCheck;
import org.peaktrade.protocol.killswitch.HealthCheckResult;

/**
 * Readiness check "node-started": fails until the node has joined its cluster, started its sessions and bound the
 * API. The health endpoints come up before that (Cluster Bootstrap probes them while the member joins), and an
 * orchestrator must not send traffic to an API that is not listening yet.
 */
public final class NodeStartedCheck implements HealthCheck {
  public static final String NAME = "node-started";

  private final AtomicBoolean started = new AtomicBoolean();

  /** Called once the API is bound: from then on the check passes. */
  public void markStarted() {
    started.set(true);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompletionStage<HealthCheckResult> run() {
    return CompletableFuture.completedFuture(started.get()
        ? new HealthCheckResult(NAME, true, "joined, sessions started, API bound")
        : new HealthCheckResult(NAME, false, "still starting: joining the cluster, starting sessions, binding the API"));
  }
}
