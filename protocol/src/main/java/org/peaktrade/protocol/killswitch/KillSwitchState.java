package org.peaktrade.protocol.killswitch;

/**
 * ACTIVE: trading allowed. KILLED: every order blocked, open orders cancelled. RECOVERING: still blocked while the
 * cooldown runs and health checks must pass; a trigger returns it to KILLED.
 */
public enum KillSwitchState {
  ACTIVE,
  KILLED,
  RECOVERING
}
