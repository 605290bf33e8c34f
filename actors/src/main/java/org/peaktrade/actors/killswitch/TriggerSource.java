package org.peaktrade.actors.killswitch;

import java.util.Locale;

/** Which automatic trigger asked for a kill: the {@code source} tag of the trigger-delivery metrics. */
public enum TriggerSource {
  RISK_BREACH,
  THRESHOLD,
  EXCHANGE_CONNECTIVITY,
  WATCHDOG_HEARTBEAT,
  WATCHDOG_STALE_DATA,
  WATCHDOG_RESTART_BUDGET;

  /** {@code watchdog-stale-data}, as in metrics and logs. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
