package org.peaktrade.actors.killswitch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.peaktrade.protocol.killswitch.HealthCheckResult;

/**
 * Runs {@link HealthCheck}s fail closed, for a recovery and for the node's readiness: every check runs concurrently,
 * and an exception, a null result or no answer within the timeout is a failed result naming what happened. The
 * returned stage always completes normally, with one result per check in the order given.
 */
public final class HealthCheckRunner {

  private HealthCheckRunner() {}

  public static CompletionStage<List<HealthCheckResult>> runAll(List<HealthCheck> checks, Duration timeout) {
    List<CompletableFuture<HealthCheckResult>> running = new ArrayList<>();
    for (HealthCheck check : checks) {
      running.add(run(check, timeout));
    }
    return CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
        .thenApply(done -> running.stream().map(CompletableFuture::join).toList());
  }

  private static CompletableFuture<HealthCheckResult> run(HealthCheck check, Duration timeout) {
    CompletableFuture<HealthCheckResult> result = new CompletableFuture<>();
    try {
      check.run().whenComplete((value, error) -> {
        if (error != null) {
          result.complete(failed(check, "failed: " + describe(error)));
        } else {
          result.complete(Objects.requireNonNullElseGet(value, () -> failed(check, "no result")));
        }
      });
    } catch (RuntimeException e) {
      result.complete(failed(check, "failed: " + describe(e)));
    }
    return result.completeOnTimeout(failed(check, "no answer within " + timeout.toMillis() + " ms"),
        timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static HealthCheckResult failed(HealthCheck check, String detail) {
    return new HealthCheckResult(check.name(), false, detail);
  }

  private static String describe(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
  }
}
