package org.peaktrade.protocol.killswitch;

import java.util.Objects;
import org.peaktrade.protocol.CborSerializable;

/** The outcome of one recovery health check (market data fresh, journal writable, exchange reachable, ...). */
public record HealthCheckResult(String name, boolean passed, String detail) implements CborSerializable {

  public HealthCheckResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(detail, "detail");
  }
}
