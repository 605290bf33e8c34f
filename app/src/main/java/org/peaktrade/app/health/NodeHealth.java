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
 * Where the health endpoints ({@link HealthRoutes}, served by Pekko Management) find the node's components: an
 * extension, one per actor system, into which the node registers its readiness and liveness checks and its
 * {@link SafetyWarning}s once they run. Until the node has registered, both reports fail (fail closed: a node still
 * starting is not ready).
 */
public final class NodeHealth implements Extension {

  private static final Id ID = new Id();
  private static final Report NOT_REGISTERED = new Report(
      List.of(new HealthCheckResult(NodeStartedCheck.NAME, false, "the node has not finished starting")), List.of());

  private volatile Registered registered;

  private record Registered(List<HealthCheck> readiness, List<HealthCheck> liveness, List<SafetyWarning> warnings,
      Duration timeout) {}

  /**
   * The outcome of one run of the checks, and the safety warnings, which do not fail it.
   *
   * @param checks every check's result, in registration order
   * @param warnings the safety controls the configuration turns off
   */
  public record Report(List<HealthCheckResult> checks, List<SafetyWarning> warnings) {
    public Report {
      checks = List.copyOf(checks);
      warnings = List.copyOf(warnings);
    }

    public boolean passed() {
      return checks.stream().allMatch(HealthCheckResult::passed);
    }

    /** Each failing check and why, e.g. {@code journal-writable: no answer within 2000 ms; ...}; empty if none. */
    public String failures() {
      return checks.stream().filter(result -> !result.passed()).map(result -> result.name() + ": " + result.detail())
          .collect(Collectors.joining("; "));
    }
  }

  private NodeHealth() {}

  public static NodeHealth get(ActorSystem system) {
    return ID.get(system);
  }

  /** Makes the checks live; each run of either list is bounded by {@code timeout} per check. */
  public void register(List<HealthCheck> readiness, List<HealthCheck> liveness, List<SafetyWarning> warnings,
      Duration timeout) {
    registered = new Registered(List.copyOf(readiness), List.copyOf(liveness), List.copyOf(warnings), timeout);
  }

  /** The safety controls the node's configuration turns off; empty until the node has registered. */
  public List<SafetyWarning> warnings() {
    Registered now = registered;
    return now == null ? List.of() : now.warnings();
  }

  /** Runs every readiness check; the report carries the safety warnings too. */
  public CompletionStage<Report> readiness() {
    Registered now = registered;
    return now == null ? CompletableFuture.completedFuture(NOT_REGISTERED)
        : run(now.readiness(), now.timeout(), now.warnings());
  }

  /** Runs every liveness check. */
  public CompletionStage<Report> liveness() {
    Registered now = registered;
    return now == null ? CompletableFuture.completedFuture(NOT_REGISTERED)
        : run(now.liveness(), now.timeout(), List.of());
  }

  private static CompletionStage<Report> run(List<HealthCheck> checks, Duration timeout,
      List<SafetyWarning> warnings) {
    return HealthCheckRunner.runAll(checks, timeout).thenApply(results -> new Report(results, warnings));
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
