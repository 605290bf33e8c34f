package org.peaktrade.actors.session;

import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.peaktrade.protocol.session.SessionSpec;

/**
 * Stores a {@link TradingSession}'s state as its {@link SessionState.Snapshot} and rebuilds it from one, with the
 * session's spec and its current retention settings (a snapshot keeps what it had; the settings trim it on load).
 */
final class SessionSnapshotAdapter implements SnapshotAdapter<SessionState> {
  private final SessionSpec spec;
  private final int recoveryBars;
  private final int equityPoints;

  SessionSnapshotAdapter(SessionSpec spec, int recoveryBars, int equityPoints) {
    this.spec = spec;
    this.recoveryBars = recoveryBars;
    this.equityPoints = equityPoints;
  }

  @Override
  public Object toJournal(SessionState state) {
    return state.snapshot();
  }

  @Override
  public SessionState fromJournal(Object from) {
    return SessionState.fromSnapshot((SessionState.Snapshot) from, spec, recoveryBars, equityPoints);
  }
}
