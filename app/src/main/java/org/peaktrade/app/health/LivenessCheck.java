package org.peaktrade.app.health;

import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.ActorSystem;

/**
 * Pekko Management's liveness check ({@code pekko.management.health-checks.liveness-checks}): the node is alive
 * when every liveness check it registered in {@link NodeHealth} passes (the actor system answers).
 */
public final class LivenessCheck implements Supplier<CompletionStage<Boolean>> {
  private final NodeHealth health;

  public LivenessCheck(ActorSystem system) {
    this.health = NodeHealth.get(system);
  }

  @Override
  public CompletionStage<Boolean> get() {
    return health.alive();
  }
}
