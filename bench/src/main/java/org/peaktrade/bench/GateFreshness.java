package org.peaktrade.bench;

import org.peaktrade.engine.time.Ticker;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.peaktrade.actors.killswitch.GateView;
import org.peaktrade.engine.killswitch.GateDecision;
import org.peaktrade.engine.killswitch.ScopeView;

/**
 * Sweeps of a node's {@link GateView} over a set of sessions while the node runs: each sweep asks {@code check} for
 * every session (what an executor asks before an order) and reads, on the view's monotonic ticker, how long ago each session's
 * view and the global one were confirmed. Keeps the totals: checks, blocked checks by reason, the most sessions
 * blocked in one sweep, and the oldest view age seen (a view older than stale-after blocks). Not thread-safe: one
 * measuring thread sweeps.
 */
final class GateFreshness {
  private final GateView view;
  private final Ticker ticker;
  private final List<String> sessionIds;
  private final Map<String, Long> blockedByReason = new TreeMap<>();
  private long sweeps;
  private long checks;
  private long blocked;
  private int mostBlockedInOneSweep;
  private long oldestViewMillis;

  GateFreshness(GateView view, Ticker ticker, List<String> sessionIds) {
    this.view = view;
    this.ticker = ticker;
    this.sessionIds = List.copyOf(sessionIds);
  }

  void sweep() {
    long now = ticker.millis();
    int blockedNow = 0;
    for (String id : sessionIds) {
      GateDecision decision = view.check(id);
      checks++;
      if (!decision.allowed()) {
        blockedNow++;
        blockedByReason.merge(decision.blockingScope().startsWith("session:") ? "session "
            + decision.reason().replaceAll("[0-9.]+", "N") : decision.message().replaceAll("[0-9.]+", "N"),
            1L, Long::sum);
      }
      long age = view.sessionView(id).map(held -> now - held.confirmedAtMillis()).orElse(0L);
      oldestViewMillis = Math.max(oldestViewMillis, age);
    }
    long globalAge = view.globalView().map(ScopeView::confirmedAtMillis).map(at -> now - at).orElse(0L);
    oldestViewMillis = Math.max(oldestViewMillis, globalAge);
    blocked += blockedNow;
    mostBlockedInOneSweep = Math.max(mostBlockedInOneSweep, blockedNow);
    sweeps++;
  }

  String summary() {
    return String.format("%,d sweeps, %,d checks, %,d blocked %s, at most %,d sessions blocked in one sweep, "
        + "oldest view %.1f s (stale after %.1f s)", sweeps, checks, blocked, blockedByReason,
        mostBlockedInOneSweep, oldestViewMillis / 1e3, view.staleAfter().toMillis() / 1e3);
  }
}
