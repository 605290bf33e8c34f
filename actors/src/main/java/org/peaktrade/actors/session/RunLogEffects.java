package org.peaktrade.actors.session;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
 */
final class RunLogEffects {
  private final EffectFactories<Event, SessionState> effects;
  private final ActorContext<Command> context;
  private final String sessionId;
  private final SessionRunLog runLog;
  private final Clock clock;

  RunLogEffects(EffectFactories<Event, SessionState> effects, ActorContext<Command> context, String sessionId,
      SessionRunLog runLog, Clock clock) {
    this.effects = effects;
    this.context = context;
    this.sessionId = sessionId;
    this.runLog = runLog;
    this.clock = clock;
  }

  /** Persists {@code events} (none: nothing to persist) and then runs {@code then}; no reply. */
  ReplyEffect<Event, SessionState> persist(SessionState state, List<Event> events, Procedure<SessionState> then) {
    if (events.isEmpty()) {
      return effects.none().thenRun(then).thenNoReply();
    }
    return persist(state, events, state.hasStarted() ? state.status() : null, then).thenNoReply();
  }

  /** Persists a non-empty batch that started from status {@code before}, then runs {@code then}; reply up to you. */
  EffectBuilder<Event, SessionState> persist(SessionState state, List<Event> events, SessionStatus before,
      Procedure<SessionState> then) {
    List<RunLogEntry> entries = runLog.entries(state, events);
    return effects.persist(events).thenRun((SessionState s) -> {
      append(s, entries, before);
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
