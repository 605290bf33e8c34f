package org.peaktrade.actors.killswitch;

import org.peaktrade.protocol.killswitch.KillSwitchScope;

/**
 * The protocol an executor accepts from the {@link KillSwitchGate}: cancel every open order because a switch that
 * covers the session was killed. Executors register an adapter for it with {@link KillSwitchGate.Register}.
 */
public final class OpenOrderCanceller {
  private OpenOrderCanceller() {}

  public sealed interface Command {}

  /** {@code scope} is the switch that was killed (global or the session's own); {@code reason} is the gate's. */
  public record CancelOpenOrders(KillSwitchScope scope, String reason) implements Command {}
}
