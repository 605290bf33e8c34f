package org.peaktrade.actors.marketdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Symbol;

/**
 * Where a node's replay left off, kept in a small file under its data dir so that a restarted node goes on from
 * there instead of playing the file from its first bar again (its sessions would then skip, unseen, every bar up to
 * where they were, for as long as the node had run). The file holds the replayed file's path, its symbol, the open
 * time of the bar to resume after ({@code start} when none) and the open time of the newest bar played; a replay of
 * another file or symbol starts at the first bar. A file of an earlier version (three lines, no newest bar) still
 * resumes.
 *
 * <p>The position to resume after is the bar {@code lag} bars behind the newest one the replay emitted: bars a
 * session had not taken yet when the node stopped (they wait in its subscriber buffer, at most the hub's buffer) are
 * played again, and sessions skip the ones they had processed. So a restart replays up to {@code lag} bars twice (all
 * of them when fewer were played) and never leaves one out; those, up to the newest played ({@link #playedBefore}),
 * are played again without pacing, so that nobody waits for bars the sessions mostly have. It is written at most
 * every {@code every} nanoseconds of emitted bars' wall time (see {@link #emitted}) and when the replay ends or is
 * stopped ({@link #flush}), by an atomic move, so a crash leaves the old position or the new one (a kill -9 the one up
 * to {@code every} old).
 */
public final class ReplayPosition {
  private static final String START = "start";

  private final Path file;
  private final Path replayed;
  private final Symbol symbol;
  private final int lag;
  private final long everyNanos;
  private final ArrayDeque<Instant> recent;
  private final Consumer<String> warn;
  private long lastWriteNanos;
  /** The bar to resume after (null: from the start) and the newest bar emitted; written when {@code dirty}. */
  private Instant resumeAfter;
  private Instant newest;
  private boolean dirty;
  private boolean failing;

  /** What a replay recorded: the bar to resume after (empty: from the start) and the newest bar it had played. */
  public record Recorded(Optional<Instant> resumeAfter, Instant newestPlayed) {}

  /** {@code warn} hears, once per streak, that the position could not be written (the replay goes on). */
  public ReplayPosition(Path file, Path replayed, Symbol symbol, int lag, long everyNanos, Consumer<String> warn) {
    this.file = file;
    this.warn = warn;
    this.replayed = replayed.toAbsolutePath().normalize();
    this.symbol = symbol;
    this.lag = lag;
    this.everyNanos = everyNanos;
    this.recent = new ArrayDeque<>(lag + 1);
  }

  /** The bars still to play: those after the recorded position, or all of them without one (or for another file). */
  public List<Bar> remaining(List<Bar> bars) {
    Optional<Instant> after = read();
    if (after.isEmpty()) {
      return bars;
    }
    int first = 0;
    while (first < bars.size() && !bars.get(first).openTime().isAfter(after.get())) {
      first++;
    }
    return bars.subList(first, bars.size());
  }

  /**
   * How many of the first {@code remaining} bars (see {@link #remaining}) the replay had played before: up to the
   * newest bar recorded. 0 without a record.
   */
  public int playedBefore(List<Bar> remaining) {
    Optional<Recorded> recorded = recorded();
    if (recorded.isEmpty()) {
      return 0;
    }
    int played = 0;
    while (played < remaining.size()
        && !remaining.get(played).openTime().isAfter(recorded.get().newestPlayed())) {
      played++;
    }
    return played;
  }

  /** The recorded position of this file and symbol: the open time of the last bar not to play again. */
  public Optional<Instant> read() {
    return recorded().flatMap(Recorded::resumeAfter);
  }

  /** What this file and symbol's replay recorded; empty when nothing (or another file, or garbage) is recorded. */
  public Optional<Recorded> recorded() {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      List<String> lines = Files.readAllLines(file);
      if (lines.size() < 3 || lines.size() > 4 || !lines.get(0).equals(replayed.toString())
          || !lines.get(1).equals(symbol.value())) {
        return Optional.empty();
      }
      Optional<Instant> after = lines.get(2).equals(START) ? Optional.empty()
          : Optional.of(Instant.parse(lines.get(2)));
      if (lines.size() == 3) {
        return after.map(position -> new Recorded(after, position));
      }
      return Optional.of(new Recorded(after, Instant.parse(lines.get(3))));
    } catch (IOException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Called for every bar the replay emits, in order, at {@code nanoTime}; writes the position when it is due. */
  public void emitted(Bar bar, long nanoTime) {
    newest = bar.openTime();
    recent.addLast(bar.openTime());
    if (recent.size() > lag) {
      resumeAfter = recent.pollFirst();
    }
    dirty = true;
    if (nanoTime - lastWriteNanos >= everyNanos) {
      lastWriteNanos = nanoTime;
      write();
    }
  }

  /** Writes the newest position not written yet (the replay ended or was stopped); nothing when there is none. */
  public void flush() {
    if (dirty) {
      write();
    }
  }

  /** The file the position is kept in. */
  public Path file() {
    return file;
  }

  /**
   * Writes the position; a failure (a full disk) is reported once per streak and the replay goes on: a restart then
   * resumes from the last position written, replaying more bars twice, never fewer.
   */
  private void write() {
    dirty = false;
    try {
      Files.createDirectories(file.getParent());
      Path next = file.resolveSibling(file.getFileName() + ".next");
      Files.writeString(next, replayed + "\n" + symbol.value() + "\n" + (resumeAfter == null ? START : resumeAfter)
          + "\n" + newest + "\n");
      Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      if (failing) {
        failing = false;
        warn.accept("the replay position is recorded again in " + file);
      }
    } catch (IOException e) {
      if (!failing) {
        failing = true;
        warn.accept("cannot record the replay position in " + file + " (" + e + "); a restart resumes from the last "
            + "position recorded");
      }
    }
  }
}
