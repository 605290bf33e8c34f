package org.peaktrade.engine.killswitch;

import java.util.Locale;
import org.peaktrade.protocol.killswitch.KillSwitchState;
import org.peaktrade.protocol.killswitch.KillSwitchStatus;

/**
 * One node's view of one kill switch: the newest status it has seen and when (on the gate's monotonic ticker, in
 * milliseconds: a reading whose differences are ages, not an epoch time) that status was last confirmed by a push or a refresh. Immutable, so readers on other threads always see a consistent view.
 * The decision for a fresh view is computed once per status, so {@link #decide} allocates only when the view is
 * stale.
 */
public final class ScopeView {
  private final KillSwitchStatus status;
  private final long confirmedAtMillis;
  private final GateDecision whenFresh;

  private ScopeView(KillSwitchStatus status, long confirmedAtMillis, GateDecision whenFresh) {
    this.status = status;
    this.confirmedAtMillis = confirmedAtMillis;
    this.whenFresh = whenFresh;
  }

  public static ScopeView of(KillSwitchStatus status, long confirmedAtMillis) {
    return new ScopeView(status, confirmedAtMillis, freshDecision(status));
  }

  /** The reason a switch in this state blocks, or an allowed decision while ACTIVE. */
  public static GateDecision freshDecision(KillSwitchStatus status) {
    String scope = status.scope().value();
    if (status.state() == KillSwitchState.ACTIVE) {
      return GateDecision.ALLOWED;
    }
    if (status.state() == KillSwitchState.RECOVERING) {
      return GateDecision.blocked(scope, "RECOVERING");
    }
    return GateDecision.blocked(scope, "KILLED by " + status.triggerKind() + " (" + status.triggeredBy() + "): "
        + status.reason());
  }

  /** The decision for an unknown view (never seen, or the session is not registered). */
  public static GateDecision unknown(String scope) {
    return GateDecision.blocked(scope, "unknown");
  }

  /**
   * Applies a status seen at {@code nowMillis}: a newer or equal revision replaces this view and renews its
   * freshness; an older one is a late delivery and changes nothing (returns this).
   */
  public ScopeView confirm(KillSwitchStatus incoming, long nowMillis) {
    if (incoming.revision() < status.revision()) {
      return this;
    }
    if (incoming.revision() == status.revision() && incoming.state() == status.state()) {
      return new ScopeView(status, Math.max(confirmedAtMillis, nowMillis), whenFresh);
    }
    return of(incoming, nowMillis);
  }

  /** Allowed only if ACTIVE and confirmed no longer than {@code staleAfterMillis} ago; otherwise blocked. */
  public GateDecision decide(long nowMillis, long staleAfterMillis) {
    long age = nowMillis - confirmedAtMillis;
    if (age > staleAfterMillis) {
      return GateDecision.blocked(status.scope().value(), String.format(Locale.ROOT, "stale for %.1fs", age / 1000.0));
    }
    return whenFresh;
  }

  public KillSwitchStatus status() {
    return status;
  }

  public long confirmedAtMillis() {
    return confirmedAtMillis;
  }

  public boolean isKilled() {
    return status.state() == KillSwitchState.KILLED;
  }
}
