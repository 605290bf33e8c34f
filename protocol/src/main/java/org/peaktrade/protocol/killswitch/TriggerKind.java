package org.peaktrade.protocol.killswitch;

/** What fired a kill: an operator, a breached threshold, an outside signal, or a watchdog timeout. */
public enum TriggerKind {
  MANUAL,
  THRESHOLD,
  EXTERNAL,
  WATCHDOG
}
