package org.peaktrade.engine.strategy;

import org.peaktrade.protocol.Bar;

/**
 * A trading rule: pure and deterministic, it sees one closed bar at a time, in order, and answers with the
 * position it wants to hold from then on. It has no clock, no I/O and never sees a future bar; the same
 * instance type runs in backtests and live sessions.
 */
public interface Strategy {

  /** Consumes the next closed bar and returns the wanted position (stateful; call once per bar). */
  Direction onBar(Bar bar);
}
