package org.peaktrade.actors.session;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
 * out against the state the batch starts from, recorded as the pending batch next to the run log before the journal
 * write, and appended only after the journal has the batch (with a status line when the batch changed the status),
 * before the session's own continuation runs. A line that cannot be written is logged and never fails the session.
 *
 * <p>A write the journal reports failed may still have landed (an acknowledgement lost on the way), and a node may
 * stop between the write and the append. Either way the session reads its journal back when it starts again, and
 * {@link #recovered} settles the pending batch: its lines are appended when the journal holds it and the log does
 * not, dropped when the journal does not hold it. So the run log tells what the journal holds.
 */
final class RunLogEffects {
  private final EffectFactories<Event, SessionState> effects;
  private final ActorContext<Command> context;
  private final String sessionId;
  private final SessionRunLog runLog;
  private final Clock clock;
  private final LongSupplier lastSequenceNr;

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
   * the lines of the batch pending at the last stop are appended when the batch landed and the log lacks them, else
   * dropped.
   */
  void recovered(SessionState state, long highestSequenceNr) {
    try {
      SessionRunLog.Settled settled = runLog.settle(highestSequenceNr, before -> before == state.status()
          ? Optional.empty() : Optional.of(runLog.statusChanged(before, state, clock.instant())));
      switch (settled) {
        case WRITTEN_NOW -> context.getLog().warn("session {}: the journal (at {}) holds a batch whose run-log lines "
            + "were not written before the last stop; written now", sessionId, highestSequenceNr);
        case DROPPED -> context.getLog().warn("session {}: a batch the journal (at {}) does not hold was pending; its "
            + "run-log lines dropped", sessionId, highestSequenceNr);
        case UNREADABLE -> context.getLog().warn("session {}: the pending run-log batch was cut short before its "
            + "journal write; ignored", sessionId);
        default -> { }
      }
    } catch (RuntimeException e) {
      context.getLog().error("session {}: the pending run-log batch not settled: {}", sessionId, e.toString());
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
   * {@link BarRuns}; more than one event as one {@link Event.Batch}: one journal row), then runs {@code then}; reply
   * up to you.
   */
  EffectBuilder<Event, SessionState> persist(SessionState state, List<Event> decided, SessionStatus before,
      Procedure<SessionState> then) {
    List<Event> events = BarRuns.compact(decided);
    List<RunLogEntry> entries = runLog.entries(state, events);
    byte[] lines = SessionRunLog.lines(entries);
    List<Event> written = events.size() > 1 ? List.of(new Event.Batch(events, clock.instant())) : events;
    if (!entries.isEmpty() || mayChangeStatus(events)) {
      try {
        runLog.pending(lastSequenceNr.getAsLong() + written.size(), before, lines);
      } catch (RuntimeException e) {
        context.getLog().error("session {}: pending run-log batch not recorded: {}", sessionId, e.toString());
      }
    }
    return effects.persist(written).thenRun((SessionState s) -> {
      append(s, lines, before);
      then.apply(s);
    });
  }

  /** Whether a batch has events other than processed bars (only those can change the status). */
  private static boolean mayChangeStatus(List<Event> events) {
    return events.stream().anyMatch(e -> !(e instanceof Event.BarsProcessed || e instanceof Event.BarProcessed));
  }

  private void append(SessionState state, byte[] batchLines, SessionStatus before) {
    byte[] lines = batchLines;
    if (before != state.status()) {
      byte[] status = SessionRunLog.lines(List.of(runLog.statusChanged(before, state, clock.instant())));
      lines = Arrays.copyOf(batchLines, batchLines.length + status.length);
      System.arraycopy(status, 0, lines, batchLines.length, status.length);
    }
    try {
      runLog.append(lines);
    } catch (RuntimeException e) {
      context.getLog().error("session {}: {} run-log line(s) not written: {}", sessionId, lineCount(lines),
          e.toString());
    }
  }

  private static long lineCount(byte[] lines) {
    long count = 0;
    for (byte b : lines) {
      if (b == '\n') {
        count++;
      }
    }
    return count;
  }
}
