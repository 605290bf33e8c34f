package org.peaktrade.protocol.killswitch;

import java.time.Instant;
import java.util.Objects;
import org.peaktrade.protocol.CborSerializable;

/**
 * What a kill switch says about itself, pushed to every node's gate and returned by the API. {@code revision} is
 * the entity's event sequence number, so a view can tell a newer status from an older one. {@code reason},
 * {@code triggerKind} and {@code triggeredBy} describe the kill in force (null while ACTIVE);
 * {@code recoveryRequestedBy} and {@code cooldownEndsAt} are set only while RECOVERING.
 */
public record KillSwitchStatus(
    KillSwitchScope scope, KillSwitchState state, Instant since, long revision, TriggerKind triggerKind,
    String triggeredBy, String reason, String recoveryRequestedBy, Instant cooldownEndsAt) implements CborSerializable {

  public KillSwitchStatus {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(since, "since");
  }

  public static KillSwitchStatus initial(KillSwitchScope scope, Instant since) {
    return new KillSwitchStatus(scope, KillSwitchState.ACTIVE, since, 0, null, null, null, null, null);
  }

  public boolean allowsTrading() {
    return state == KillSwitchState.ACTIVE;
  }
}
