package org.peaktrade.actors.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.peaktrade.actors.session.TradingSession.Event;
import org.peaktrade.engine.session.RunLogEntry;
import org.peaktrade.engine.session.RunLogJson;
import org.peaktrade.engine.session.Transition;
import org.peaktrade.protocol.OrderEvent;
import org.peaktrade.protocol.session.SessionStatus;

/**
 * One session's append-only run log, {@code <data-dir>/sessions/<id>/run-log.jsonl}: decisions, orders, risk
 * results, fills, order transitions and status changes as {@link RunLogJson} lines. The session turns a batch of
 * events into entries before persisting it ({@link #entries}, evaluated against the state the batch starts from) and
 * appends them only after the journal has them, so a recovery, which replays events without running a command, never
 * writes a line twice. A crash between the journal write and the append loses those lines (the journal keeps them).
 */
final class SessionRunLog {
  private final String sessionId;
  private final Path file;

  private SessionRunLog(String sessionId, Path file) {
    this.sessionId = sessionId;
    this.file = file;
  }

  static SessionRunLog of(String sessionId, SessionSettings settings) {
    return new SessionRunLog(sessionId, settings.runLog() ? settings.runLogFile(sessionId) : null);
  }

  /** The entries for a batch of events about to be persisted on top of {@code state}. */
  List<RunLogEntry> entries(SessionState state, List<Event> events) {
    if (file == null) {
      return List.of();
    }
    List<OrderEvent> orderEvents = events.stream().filter(Event.OrderUpdated.class::isInstance)
        .map(e -> ((Event.OrderUpdated) e).change()).collect(Collectors.toList());
    Iterator<Transition> transitions = state.evaluate(orderEvents).iterator();
    List<RunLogEntry> entries = new ArrayList<>();
    for (Event event : events) {
      if (event instanceof Event.TargetDecided d) {
        entries.add(new RunLogEntry.DecisionEntry(sessionId, d.at(), d.barClose(), d.wanted(), d.target(),
            d.reference(), d.orders()));
      } else if (event instanceof Event.RiskChecked r) {
        entries.add(RunLogEntry.RiskEntry.of(sessionId, r.at(), r.orderId(), r.decision()));
      } else if (event instanceof Event.OrderUpdated u) {
        Transition transition = transitions.next();
        if (u.change() instanceof OrderEvent.Placed placed) {
          entries.add(RunLogEntry.OrderEntry.of(sessionId, u.at(), placed.order()));
        } else if (u.change() instanceof OrderEvent.Filled filled && transition instanceof Transition.Applied) {
          entries.add(RunLogEntry.FillEntry.of(sessionId, u.at(), filled.fill()));
        }
        entries.add(RunLogEntry.TransitionEntry.of(sessionId, u.at(), transition));
      }
    }
    return entries;
  }

  /** The line for a change of the session's status ({@code from} null when it started). */
  RunLogEntry statusChanged(SessionStatus from, SessionState after, Instant at) {
    String reason = after.statusReason() != null ? after.statusReason() : from == null ? "started" : "resumed";
    return new RunLogEntry.StatusEntry(sessionId, at, from, after.status(), reason);
  }

  /** Appends the entries as lines; fails with the file named when it cannot. */
  void append(List<RunLogEntry> entries) {
    if (file == null || entries.isEmpty()) {
      return;
    }
    StringBuilder lines = new StringBuilder();
    entries.forEach(entry -> lines.append(RunLogJson.line(entry)).append('\n'));
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the run log " + file, e);
    }
  }
}
