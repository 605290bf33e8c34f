package org.peaktrade.protocol.session;

/**
 * RUNNING: trading. PAUSED: no new orders (stale market data, or the strategy exhausted its restart budget; the
 * view says why), open orders still fill. STOPPED: stopped by an operator; the journal keeps its history.
 */
public enum SessionStatus {
  RUNNING,
  PAUSED,
  STOPPED
}
