package org.peaktrade.actors.killswitch;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.peaktrade.protocol.killswitch.HealthCheckResult;

/** Recovery health check: the journal accepted a write within the timeout. */
public final class JournalWritableCheck implements HealthCheck {
  private final ActorRef<JournalProbe.Probe> probe;
  private final ActorSystem<?> system;
  private final Duration timeout;

  public JournalWritableCheck(ActorRef<JournalProbe.Probe> probe, ActorSystem<?> system, Duration timeout) {
    this.probe = probe;
    this.system = system;
    this.timeout = timeout;
  }

  @Override
  public String name() {
    return "journal-writable";
  }

  @Override
  public CompletionStage<HealthCheckResult> run() {
    CompletionStage<Instant> written = AskPattern.ask(probe, JournalProbe.Probe::new, timeout, system.scheduler());
    return written.handle((at, failure) -> failure == null
        ? new HealthCheckResult(name(), true, "journal write acknowledged at " + at)
        : new HealthCheckResult(name(), false, "journal write failed: " + failure.getClass().getSimpleName() + ": "
            + failure.getMessage()));
  }
}
