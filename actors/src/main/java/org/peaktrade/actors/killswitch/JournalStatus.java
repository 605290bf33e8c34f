package org.peaktrade.actors.killswitch;

import java.time.Duration;
import org.peaktrade.engine.killswitch.KillSwitchRecord;
import org.peaktrade.protocol.killswitch.KillSwitchScope;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;

/**
 * A switch's status from its journal alone, for the gate while the entity does not answer. State, revision and the
 * kill are exactly the entity's; a RECOVERING switch's cooldown is shown as it was requested (from the request to
 * its recorded end, nothing credited), which does not matter to the gate: RECOVERING blocks either way.
 */
final class JournalStatus {
  private JournalStatus() {}

  static KillSwitchStatus of(KillSwitchScope scope, KillSwitchRecord record) {
    if (record instanceof KillSwitchRecord.Recovering recovering) {
      return recovering.status(scope, Duration.ZERO, recovering.since());
    }
    return record.status(scope, Duration.ZERO, null);
  }
}
