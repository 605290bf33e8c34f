package org.peaktrade.engine.killswitch;

/**
 * The answer of the execution gate for one order: allowed, or blocked with the scope that blocks it and why
 * ({@code unknown}, {@code stale for 7.2s}, {@code KILLED by MANUAL (ops@x): reason}, {@code RECOVERING}).
 * The allow answer is a shared constant so the hot path allocates nothing.
 */
public record GateDecision(boolean allowed, String blockingScope, String reason) {
  public static final GateDecision ALLOWED = new GateDecision(true, null, null);

  public GateDecision {
    if (!allowed && (blockingScope == null || reason == null)) {
      throw new IllegalArgumentException("a blocked decision names its scope and reason");
    }
  }

  public static GateDecision blocked(String scope, String reason) {
    return new GateDecision(false, scope, reason);
  }

  /** {@code "allowed"} or {@code "<scope>: <reason>"}, for logs and rejections. */
  public String message() {
    return allowed ? "allowed" : blockingScope + ": " + reason;
  }
}
