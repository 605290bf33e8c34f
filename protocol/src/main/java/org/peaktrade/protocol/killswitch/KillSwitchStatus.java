package org.peaktrade.protocol.killswitch;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.peaktrade.protocol.CborSerializable;

/**
 * What a kill switch says about itself, pushed to every node's gate and returned by the API. {@code revision} is
 * the entity's event sequence number, so a view can tell a newer status from an older one. {@code reason},
 * {@code triggerKind} and {@code triggeredBy} describe the kill in force (null while ACTIVE);
 * {@code recoveryRequestedBy}, {@code cooldownEndsAt} and {@code cooldownRemaining} are set only while RECOVERING.
 * {@code cooldownRemaining} is what the entity measured on its monotonic ticker when it made this status, and it is
 * what decides. {@code cooldownEndsAt} is for people: the wall time the cooldown counts from plus its length, which
 * is the request's recorded end unless a restart had to run the full cooldown again (see the kill-switch runbook).
 */
public record KillSwitchStatus(
    KillSwitchScope scope, KillSwitchState state, Instant since, long revision, TriggerKind triggerKind,
    String triggeredBy, String reason, String recoveryRequestedBy, Instant cooldownEndsAt, Duration cooldownRemaining)
    implements CborSerializable {

  public KillSwitchStatus {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(since, "since");
  }

  public static KillSwitchStatus initial(KillSwitchScope scope, Instant since) {
    return new KillSwitchStatus(scope, KillSwitchState.ACTIVE, since, 0, null, null, null, null, null, null);
  }

  public boolean allowsTrading() {
    return state == KillSwitchState.ACTIVE;
  }
}
