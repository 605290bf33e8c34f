package org.peaktrade.engine.watchdog;

/** What a heartbeat source is; market-data sources decide the recovery health check. */
public enum SourceKind {
  SESSION,
  MARKET_DATA,
  COMPONENT
}
