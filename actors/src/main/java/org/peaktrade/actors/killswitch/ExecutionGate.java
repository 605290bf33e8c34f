package org.peaktrade.actors.killswitch;

import org.peaktrade.engine.killswitch.GateDecision;

/**
 * The node-local, synchronous read of the kill switch that an order must pass: the session reads it before its
 * verdict and the executor reads it again when it takes the order, so a kill that lands in between still stops it.
 * {@link GateView} is the node's implementation (a volatile read and a map lookup, no round trip); tests stand in
 * doubles that flip between the two reads.
 */
@FunctionalInterface
public interface ExecutionGate {

  /** Allowed only if the global switch and {@code sessionId}'s switch are both known, ACTIVE and fresh. */
  GateDecision check(String sessionId);
}
