package org.peaktrade.actors.session;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
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
 * writes a line twice.
 *
 * <p>So that a stop between the journal write and the append (a node terminated, a {@code kill -9}, a write reported
 * failed that had landed) loses no line either, the batch's lines go first to {@code run-log.pending} next to the
 * log, with the sequence number the batch ends at and the log's size before it ({@link #pending}); after a recovery
 * {@link #settle} appends them if the journal holds the batch and the log does not have them yet, and drops them if
 * the journal does not hold it. The run log thus ends as the journal does.
 */
final class SessionRunLog {
  private static final String PENDING_HEADER = "peak-trade run-log pending batch v1";

  private final String sessionId;
  private final Path file;

  /** What {@link #settle} did with the pending batch. */
  enum Settled {
    /** No batch was pending (or the run log is off). */
    NOTHING,
    /** The journal and the run log both have the batch. */
    ALREADY_WRITTEN,
    /** The journal has the batch, the run log did not: its lines were appended now. */
    WRITTEN_NOW,
    /** The journal does not have the batch: its lines were dropped. */
    DROPPED,
    /** The pending file could not be read (cut short by a crash while it was written, before the batch's write). */
    UNREADABLE
  }

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

  /**
   * Records, before the journal write, the lines of a batch that ends at sequence number {@code lastSequenceNr} and
   * started from status {@code before} (null: not started): the entries' lines, and the status line {@link #settle}
   * works out from the recovered state. Fails with the file named when it cannot.
   */
  void pending(long lastSequenceNr, SessionStatus before, byte[] lines) {
    if (file == null) {
      return;
    }
    String header = PENDING_HEADER + '\n' + lastSequenceNr + ' ' + size() + ' '
        + (before == null ? "-" : before.name()) + '\n';
    try {
      Files.createDirectories(file.getParent());
      try (OutputStream out = Files.newOutputStream(pendingFile())) {
        out.write(header.getBytes(StandardCharsets.UTF_8));
        out.write(lines);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the pending run-log batch " + pendingFile(), e);
    }
  }

  /**
   * After a recovery that read the journal up to {@code highestSequenceNr}: appends the pending batch's lines (and the
   * status line {@code statusLine} makes of the status the batch started from, if any) when the journal has the batch
   * and the log does not (a log cut inside the batch's lines is cut back to its size before them first), drops them
   * when the journal does not have the batch, and removes the pending file.
   */
  Settled settle(long highestSequenceNr, Function<SessionStatus, Optional<RunLogEntry>> statusLine) {
    if (file == null || !Files.exists(pendingFile())) {
      return Settled.NOTHING;
    }
    try {
      Settled settled = settle(Files.readString(pendingFile(), StandardCharsets.UTF_8), highestSequenceNr, statusLine);
      Files.deleteIfExists(pendingFile());
      return settled;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot settle the pending run-log batch " + pendingFile(), e);
    }
  }

  private Settled settle(String pending, long highestSequenceNr,
      Function<SessionStatus, Optional<RunLogEntry>> statusLine) throws IOException {
    int header = pending.indexOf('\n');
    int positions = header < 0 ? -1 : pending.indexOf('\n', header + 1);
    String[] fields = positions < 0 ? new String[0] : pending.substring(header + 1, positions).split(" ");
    if (positions < 0 || !pending.substring(0, header).equals(PENDING_HEADER) || fields.length != 3
        || !pending.endsWith("\n")) {
      return Settled.UNREADABLE;
    }
    long lastSequenceNr = Long.parseLong(fields[0]);
    long sizeBefore = Long.parseLong(fields[1]);
    SessionStatus before = fields[2].equals("-") ? null : SessionStatus.valueOf(fields[2]);
    String lines = pending.substring(positions + 1);
    long size = size();
    if (lastSequenceNr > highestSequenceNr) {
      // Its lines were never appended: the append follows the journal's acknowledgement.
      return Settled.DROPPED;
    }
    if (size > sizeBefore && written(sizeBefore, lines)) {
      return Settled.ALREADY_WRITTEN;
    }
    StringBuilder text = new StringBuilder(lines);
    statusLine.apply(before).ifPresent(entry -> text.append(new String(lines(List.of(entry)),
        StandardCharsets.UTF_8)));
    if (text.isEmpty()) {
      // A batch without lines that left the status as it was: the log misses nothing.
      return Settled.ALREADY_WRITTEN;
    }
    truncate(sizeBefore, size);
    write(text.toString().getBytes(StandardCharsets.UTF_8));
    return Settled.WRITTEN_NOW;
  }

  /** Whether the log holds {@code lines} from byte {@code offset} on. */
  private boolean written(long offset, String lines) throws IOException {
    byte[] expected = lines.getBytes(StandardCharsets.UTF_8);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      if (channel.size() - offset < expected.length) {
        return false;
      }
      ByteBuffer actual = ByteBuffer.allocate(expected.length);
      while (actual.hasRemaining() && channel.read(actual, offset + actual.position()) > 0) {
        // read on
      }
      return Arrays.equals(actual.array(), expected);
    }
  }

  private void truncate(long sizeBefore, long size) throws IOException {
    if (size > sizeBefore) {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
        channel.truncate(sizeBefore);
      }
    }
  }

  private long size() {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of the run log " + file, e);
    }
  }

  private Path pendingFile() {
    return file.resolveSibling("run-log.pending");
  }

  /**
   * The entries as the log's lines, each ending in a line break, in UTF-8: made once per batch, for pending and
   * append.
   */
  static byte[] lines(List<RunLogEntry> entries) {
    return RunLogJson.lines(entries);
  }

  /** Appends lines made by {@link #lines}; fails with the file named when it cannot. */
  void append(byte[] lines) {
    if (file == null || lines.length == 0) {
      return;
    }
    try {
      write(lines);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the run log " + file, e);
    }
  }

  private void write(byte[] lines) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
