package org.peaktrade.app.health;

import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.ActorSystem;

/**
 * Pekko Management's readiness check ({@code pekko.management.health-checks.readiness-checks}): the node is ready
 * when every readiness check it registered in {@link NodeHealth} passes (node started, journal writable, kill-switch
 * view fresh).
 */
public final class ReadinessCheck implements Supplier<CompletionStage<Boolean>> {
  private final NodeHealth health;

  public ReadinessCheck(ActorSystem system) {
    this.health = NodeHealth.get(system);
  }

  @Override
  public CompletionStage<Boolean> get() {
    return health.ready();
  }
}
