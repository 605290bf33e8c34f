package org.peaktrade.actors.session;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.japi.function.Procedure;
import org.apache.pekko.persistence.typed.javadsl.EffectBuilder;
import org.apache.pekko.persistence.typed.javadsl.EffectFactories;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.peaktrade.actors.session.TradingSession.Command;
import org.peaktrade.actors.session.TradingSession.Event;
import org.peaktrade.engine.session.RunLogEntry;
import org.peaktrade.protocol.session.SessionStatus;

/**
 * A {@link TradingSession}'s persist effects with its {@link SessionRunLog}: the lines of a batch of events are worked
 * out against the state the batch starts from, and appended only after the journal has the batch (with a status line
 * when the batch changed the status), before the session's own continuation runs. A line that cannot be written is
 * logged and never fails the session.
 *
 * <p>A write the journal reports failed may still have landed (an acknowledgement lost on the way). The session then
 * restarts and reads its journal back; this object outlives that restart and keeps the lines of the batch in flight
 * with the sequence number it ends at, and {@link #recovered} appends them when the journal turns out to hold the
 * batch, or drops them when it does not. So the run log tells what the journal holds, either way.
 */
final class RunLogEffects {
  private final EffectFactories<Event, SessionState> effects;
  private final ActorContext<Command> context;
  private final String sessionId;
  private final SessionRunLog runLog;
  private final Clock clock;
  private final LongSupplier lastSequenceNr;
  private InFlight inFlight;

  /** The lines of the batch being written, which ends at sequence number {@code lastSequenceNr}. */
  private record InFlight(long lastSequenceNr, List<RunLogEntry> entries, SessionStatus before) {}

  /** {@code lastSequenceNr} answers the session's last persisted sequence number (while it handles a command). */
  RunLogEffects(EffectFactories<Event, SessionState> effects, ActorContext<Command> context, String sessionId,
      SessionRunLog runLog, Clock clock, LongSupplier lastSequenceNr) {
    this.effects = effects;
    this.context = context;
    this.sessionId = sessionId;
    this.runLog = runLog;
    this.clock = clock;
    this.lastSequenceNr = lastSequenceNr;
  }

  /**
   * The session has read its journal back up to {@code highestSequenceNr}, with {@code state} the state it holds:
   * the lines of a batch whose write was reported failed are appended when the batch landed, else dropped.
   */
  void recovered(SessionState state, long highestSequenceNr) {
    InFlight batch = inFlight;
    inFlight = null;
    if (batch == null) {
      return;
    }
    if (highestSequenceNr >= batch.lastSequenceNr()) {
      context.getLog().warn("session {}: a write reported failed had landed (journal at {}); its {} run-log line(s) "
          + "written now", sessionId, highestSequenceNr, batch.entries().size());
      append(state, batch.entries(), batch.before());
    } else {
      context.getLog().warn("session {}: a write reported failed did not land (journal at {}, batch ending at {}); "
          + "its run-log lines dropped", sessionId, highestSequenceNr, batch.lastSequenceNr());
    }
  }

  /** Persists {@code events} (none: nothing to persist) and then runs {@code then}; no reply. */
  ReplyEffect<Event, SessionState> persist(SessionState state, List<Event> events, Procedure<SessionState> then) {
    if (events.isEmpty()) {
      return effects.none().thenRun(then).thenNoReply();
    }
    return persist(state, events, state.hasStarted() ? state.status() : null, then).thenNoReply();
  }

  /**
   * Persists a non-empty batch that started from status {@code before} (runs of processed bars as one event each,
   * {@link BarRuns}), then runs {@code then}; reply up to you.
   */
  EffectBuilder<Event, SessionState> persist(SessionState state, List<Event> decided, SessionStatus before,
      Procedure<SessionState> then) {
    List<Event> events = BarRuns.compact(decided);
    List<RunLogEntry> entries = runLog.entries(state, events);
    InFlight batch = new InFlight(lastSequenceNr.getAsLong() + events.size(), entries, before);
    inFlight = batch;
    return effects.persist(events).thenRun((SessionState s) -> {
      inFlight = null;
      append(s, batch.entries(), batch.before());
      then.apply(s);
    });
  }

  private void append(SessionState state, List<RunLogEntry> entries, SessionStatus before) {
    List<RunLogEntry> lines = new ArrayList<>(entries);
    if (before != state.status()) {
      lines.add(runLog.statusChanged(before, state, clock.instant()));
    }
    try {
      runLog.append(lines);
    } catch (RuntimeException e) {
      context.getLog().error("session {}: {} run-log line(s) not written: {}", sessionId, lines.size(),
          e.toString());
    }
  }
}
