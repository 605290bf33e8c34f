package org.peaktrade.actors.killswitch;

import java.util.concurrent.CompletionStage;
import org.peaktrade.protocol.killswitch.HealthCheckResult;

/** One check that must pass before a recovery may complete (market data fresh, journal writable, ...). */
public interface HealthCheck {

  String name();

  /** Completes with the result; a check that fails to answer in time counts as failed (fail closed). */
  CompletionStage<HealthCheckResult> run();
}
