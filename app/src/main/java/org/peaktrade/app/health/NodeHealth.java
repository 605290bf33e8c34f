package org.peaktrade.app.health;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.apache.pekko.actor.AbstractExtensionId;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.Extension;
import org.apache.pekko.actor.ExtensionIdProvider;
import org.peaktrade.actors.killswitch.HealthCheck;
import org.peaktrade.actors.killswitch.HealthCheckRunner;
import org.peaktrade.protocol.killswitch.HealthCheckResult;

/**
 * Where Pekko Management's health checks find the node's components: an extension, one per actor system, into which
 * the node registers its readiness and liveness checks once they run. Pekko Management creates
 * {@link ReadinessCheck} and {@link LivenessCheck} by class name with only the actor system in hand, and they ask
 * this extension. Until the node has registered, both fail (fail closed: a node still starting is not ready).
 */
public final class NodeHealth implements Extension {

  private static final Id ID = new Id();

  private volatile Registered registered;

  private record Registered(List<HealthCheck> readiness, List<HealthCheck> liveness, Duration timeout) {}

  private NodeHealth() {}

  public static NodeHealth get(ActorSystem system) {
    return ID.get(system);
  }

  /** Makes the checks live; each run of either list is bounded by {@code timeout} per check. */
  public void register(List<HealthCheck> readiness, List<HealthCheck> liveness, Duration timeout) {
    registered = new Registered(List.copyOf(readiness), List.copyOf(liveness), timeout);
  }

  /** Completes with true when every readiness check passes; fails with {@link NotHealthyException} otherwise. */
  public CompletionStage<Boolean> ready() {
    Registered now = registered;
    return now == null ? notRegistered() : run(now.readiness(), now.timeout());
  }

  /** Completes with true when every liveness check passes; fails with {@link NotHealthyException} otherwise. */
  public CompletionStage<Boolean> alive() {
    Registered now = registered;
    return now == null ? notRegistered() : run(now.liveness(), now.timeout());
  }

  private static CompletionStage<Boolean> run(List<HealthCheck> checks, Duration timeout) {
    return HealthCheckRunner.runAll(checks, timeout).thenApply(results -> {
      List<HealthCheckResult> failed = results.stream().filter(result -> !result.passed()).toList();
      if (!failed.isEmpty()) {
        throw new NotHealthyException(failed.stream().map(result -> result.name() + ": " + result.detail())
            .collect(Collectors.joining("; ")));
      }
      return true;
    });
  }

  private static CompletionStage<Boolean> notRegistered() {
    return CompletableFuture.failedFuture(new NotHealthyException("the node has not finished starting"));
  }

  /** A check that did not pass; the message names each failing check and why, e.g. for the 500 body. */
  public static final class NotHealthyException extends RuntimeException {
    NotHealthyException(String message) {
      super(message);
    }
  }

  private static final class Id extends AbstractExtensionId<NodeHealth> implements ExtensionIdProvider {
    @Override
    public NodeHealth createExtension(ExtendedActorSystem system) {
      return new NodeHealth();
    }

    @Override
    public Id lookup() {
      return ID;
    }
  }
}
