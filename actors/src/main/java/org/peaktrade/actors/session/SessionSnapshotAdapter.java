package org.peaktrade.actors.session;

import java.util.function.Supplier;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.peaktrade.engine.trading.TradingCore;
import org.peaktrade.protocol.session.SessionSpec;

/**
 * Stores a {@link TradingSession}'s state as its {@link SessionState.Snapshot} and rebuilds it from one, with the
 * session's spec and its current retention settings (a snapshot keeps what it had; the settings trim it on load).
 */
final class SessionSnapshotAdapter implements SnapshotAdapter<SessionState> {
  private final SessionSpec spec;
  private final int recoveryBars;
  private final int equityPoints;
  private final Supplier<TradingCore> cores;

  SessionSnapshotAdapter(SessionSpec spec, int recoveryBars, int equityPoints, Supplier<TradingCore> cores) {
    this.spec = spec;
    this.recoveryBars = recoveryBars;
    this.equityPoints = equityPoints;
    this.cores = cores;
  }

  @Override
  public Object toJournal(SessionState state) {
    return state.snapshot();
  }

  @Override
  public SessionState fromJournal(Object from) {
    return SessionState.fromSnapshot((SessionState.Snapshot) from, spec, recoveryBars, equityPoints,
        cores.get());
  }
}
