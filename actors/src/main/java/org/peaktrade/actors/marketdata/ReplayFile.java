package org.peaktrade.actors.marketdata;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.peaktrade.engine.data.BarGap;
import org.peaktrade.engine.data.LoadOptions;
import org.peaktrade.engine.data.LoadedBars;
import org.peaktrade.engine.data.MarketDataFiles;
import org.peaktrade.engine.data.MarketDataFormatException;
import org.peaktrade.engine.data.RowProblem;
import org.peaktrade.protocol.Bar;

/**
 * A replay file read and checked before its feed starts, so that a bad row stops a start someone is watching instead
 * of failing a feed later. Every row is checked here, once, by {@link MarketDataFiles}: its fields, then the order of
 * the rows (a duplicate timestamp, a row out of time order, a bar overlapping the one before). Each bad row is
 * reported as {@code path:line: reason}, the line 1-based and counting the header, and
 * {@link LoadOptions#skipBadRows()} decides what it does: left out and counted, or the whole file refused with a
 * {@link ReplayFileRefused} that names the first {@value #SHOWN} bad rows and counts them all. A gap is not a bad row:
 * the bars on both sides are kept and the gap is listed, also as {@code path:line: reason}.
 *
 * <p>The bars are strictly increasing and do not overlap, so {@link ReplaySource#of} plays them without checking
 * them again. Problems with the file as a whole (unreadable, no header, no usable bar, trades without a bar interval)
 * are refused whatever the options say.
 */
public final class ReplayFile {
  /** How many bad rows or gaps a message names one by one; the others are counted. */
  public static final int SHOWN = 20;

  private final Path path;
  private final LoadedBars loaded;

  private ReplayFile(Path path, LoadedBars loaded) {
    this.path = path;
    this.loaded = loaded;
  }

  /** Reads {@code path}; throws {@link ReplayFileRefused} as described above. */
  public static ReplayFile load(Path path, LoadOptions options) {
    ReplayFile file;
    try {
      // Rows are always collected, so that a refusal names every bad row, not only the first one.
      file = new ReplayFile(path, MarketDataFiles.load(path, options.skippingBadRows()));
    } catch (MarketDataFormatException e) {
      throw new ReplayFileRefused(e.line() > 0 ? path + ":" + e.line() + ": " + e.reason() : path + ": " + e.reason(),
          List.of());
    } catch (IOException e) {
      throw new ReplayFileRefused("cannot read " + path + ": " + describe(e), List.of());
    } catch (IllegalArgumentException e) {
      throw new ReplayFileRefused(path + ": " + e.getMessage(), List.of());
    }
    List<String> badRows = file.badRows();
    if (!options.skipBadRows() && !badRows.isEmpty()) {
      throw new ReplayFileRefused(path + ": " + count(badRows.size(), "bad row") + ":"
          + shown(badRows).stream().map(line -> "\n  " + line).collect(Collectors.joining()), badRows);
    }
    return file;
  }

  public Path path() {
    return path;
  }

  /** The bars to play, oldest first. */
  public List<Bar> bars() {
    return loaded.bars();
  }

  /** The rows left out, each as {@code path:line: reason}, in line order. */
  public List<String> badRows() {
    return loaded.skipped().stream().map(this::line).toList();
  }

  /** The holes between bars, each as {@code path:line: gap: ...} (the line of the bar after the hole). */
  public List<String> gaps() {
    return loaded.gaps().stream().map(this::line).toList();
  }

  /** The first {@value #SHOWN} of {@code lines}, then {@code ... N more} if there are more. */
  public static List<String> shown(List<String> lines) {
    if (lines.size() <= SHOWN) {
      return lines;
    }
    List<String> shown = new ArrayList<>(lines.subList(0, SHOWN));
    shown.add("... " + (lines.size() - SHOWN) + " more");
    return shown;
  }

  /** {@code 1 bad row}, {@code 3 bad rows}. */
  public static String count(long n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  private String line(RowProblem problem) {
    return path + ":" + problem.line() + ": " + problem.reason();
  }

  private String line(BarGap gap) {
    return path + ":" + gap.line() + ": " + gap.reason();
  }

  private static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
