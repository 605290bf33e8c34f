package org.peaktrade.engine.watchdog;

import java.time.Duration;
import java.time.Instant;
import org.peaktrade.protocol.killswitch.KillSwitchScope;

/** One source at one moment: when it last beat and whether that is within its timeout. */
public record SourceFreshness(String source, SourceKind kind, KillSwitchScope scope, Duration timeout,
    Instant lastSeen, Duration age) {

  public boolean fresh() {
    return age.compareTo(timeout) <= 0;
  }
}
