package org.peaktrade.actors.killswitch;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.peaktrade.engine.killswitch.GateDecision;
import org.peaktrade.engine.killswitch.ScopeView;
import org.peaktrade.engine.time.Ticker;
import org.peaktrade.protocol.killswitch.KillSwitchScope;

/**
 * The node-local kill-switch view that sessions consult synchronously before every order. Only the
 * {@link KillSwitchGate} writes it; any thread may read it. Reads are a volatile read and a ConcurrentHashMap
 * lookup and allocate nothing while trading is allowed. Fail closed: a session may trade only if the global view
 * and its own view are both known, ACTIVE and confirmed within {@code staleAfter}. Ages are measured on a monotonic
 * {@link Ticker} (milliseconds of {@code System.nanoTime} in production), never on the wall clock: a wall-clock step
 * in either direction neither freshens a stale view nor makes a fresh one look stale.
 */
public final class GateView implements ExecutionGate {
  private static final String GLOBAL = KillSwitchScope.GLOBAL.value();

  private final Ticker ticker;
  private final Duration staleAfter;
  private final long staleAfterMillis;
  private volatile ScopeView global;
  private final Map<String, ScopeView> sessions = new ConcurrentHashMap<>();

  public GateView(Ticker ticker, GateSettings settings) {
    this.ticker = ticker;
    this.staleAfter = settings.staleAfter();
    this.staleAfterMillis = staleAfter.toMillis();
  }

  /** Allowed, or blocked naming the scope (global first) and why. */
  @Override
  public GateDecision check(String sessionId) {
    long now = ticker.millis();
    ScopeView g = global;
    if (g == null) {
      return ScopeView.unknown(GLOBAL);
    }
    GateDecision decision = g.decide(now, staleAfterMillis);
    if (!decision.allowed()) {
      return decision;
    }
    ScopeView session = sessions.get(sessionId);
    if (session == null) {
      return ScopeView.unknown("session:" + sessionId);
    }
    return session.decide(now, staleAfterMillis);
  }

  /** The global switch as last seen, with when it was confirmed; empty until the gate has heard of it. */
  public Optional<ScopeView> globalView() {
    return Optional.ofNullable(global);
  }

  /** A registered session's switch as last seen, with when it was confirmed; empty while unknown. */
  public Optional<ScopeView> sessionView(String sessionId) {
    return Optional.ofNullable(sessions.get(sessionId));
  }

  /** A view confirmed longer ago than this blocks. */
  public Duration staleAfter() {
    return staleAfter;
  }

  /** Now on the view's monotonic ticker, in the unit of {@link ScopeView#confirmedAtMillis()}. */
  long nowMillis() {
    return ticker.millis();
  }

  ScopeView get(KillSwitchScope scope) {
    return scope.isGlobal() ? global : sessions.get(sessionId(scope));
  }

  ScopeView session(String sessionId) {
    return sessions.get(sessionId);
  }

  void put(KillSwitchScope scope, ScopeView view) {
    if (scope.isGlobal()) {
      global = view;
    } else {
      sessions.put(sessionId(scope), view);
    }
  }

  void remove(KillSwitchScope scope) {
    if (scope.isGlobal()) {
      global = null;
    } else {
      sessions.remove(sessionId(scope));
    }
  }

  static String sessionId(KillSwitchScope scope) {
    return scope.value().substring("session:".length());
  }
}
