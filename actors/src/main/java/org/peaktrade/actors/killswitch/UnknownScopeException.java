package org.peaktrade.actors.killswitch;

import org.peaktrade.protocol.killswitch.KillSwitchScope;

/**
 * The scope names a session the node does not know and whose switch has no history: nothing was created or
 * journaled for it ({@link GuardedKillSwitchService}). The HTTP API answers 404.
 */
public final class UnknownScopeException extends RuntimeException {
  private final transient KillSwitchScope scope;

  public UnknownScopeException(KillSwitchScope scope) {
    super("no session '" + scope.value().substring("session:".length()) + "' on this node (scope " + scope + ")");
    this.scope = scope;
  }

  public KillSwitchScope scope() {
    return scope;
  }
}
