package org.peaktrade.app.health;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.peaktrade.actors.killswitch.HealthCheck;
import org.peaktrade.protocol.killswitch.HealthCheckResult;

/**
 * Health check "actor-system-responsive", the node's liveness: a {@link PingResponder} answers within the timeout.
 * A node whose dispatcher is starved or deadlocked fails it, and is restarted by its supervisor (Kubernetes).
 */
public final class ActorSystemResponsiveCheck implements HealthCheck {
  public static final String NAME = "actor-system-responsive";

  private final ActorRef<PingResponder.Ping> responder;
  private final Duration timeout;
  private final Scheduler scheduler;

  public ActorSystemResponsiveCheck(ActorRef<PingResponder.Ping> responder, Duration timeout, Scheduler scheduler) {
    this.responder = responder;
    this.timeout = timeout;
    this.scheduler = scheduler;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompletionStage<HealthCheckResult> run() {
    return AskPattern.<PingResponder.Ping, Done>ask(responder, PingResponder.Ping::new, timeout, scheduler)
        .thenApply(done -> new HealthCheckResult(NAME, true, "an actor answered"));
  }
}
