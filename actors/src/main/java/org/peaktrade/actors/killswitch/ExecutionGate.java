package org.peaktrade.actors.killswitch;

import org.peaktrade.engine.killswitch.GateDecision;

/**
 * The node-local, synchronous read of the kill switch that an order must pass: a session reads it at the moment its
 * venue would take the order (nothing in between), and before orders that rested before a restart rest again.
 * {@link GateView} is the node's implementation (a volatile read and a map lookup, no round trip); tests stand in
 * scripted doubles.
 */
@FunctionalInterface
public interface ExecutionGate {

  /** Allowed only if the global switch and {@code sessionId}'s switch are both known, ACTIVE and fresh. */
  GateDecision check(String sessionId);
}
