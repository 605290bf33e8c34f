package org.peaktrade.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One market clock for the replays of several node processes. A node replays its file from the first row, paced from
 * the moment its replay starts, and a session takes only a bar newer than its last one; so a member started later
 * with the whole file replays bars its sessions have long seen, and a session that moves to it waits until its replay
 * catches up. Live feeds do not have that problem; the harness removes it by writing each launch's file from the bar
 * the shared clock will show when the node's replay starts ({@link #writeFrom}), and by setting the clock to when the
 * replays really started ({@link #align}).
 */
final class ReplayClock {
  private final String header;
  private final List<String> rows;
  private final long[] opens;
  private final double speed;
  private long wallAtAlign;
  private long marketAtAlign;

  private ReplayClock(String header, List<String> rows, long[] opens, double speed) {
    this.header = header;
    this.rows = rows;
    this.opens = opens;
    this.speed = speed;
    this.wallAtAlign = System.currentTimeMillis();
    this.marketAtAlign = opens[0];
  }

  /** The bars of {@code csv} (header, then {@code timestamp_ms,...} rows in time order) played at {@code speed}. */
  static ReplayClock of(Path csv, double speed) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    List<String> rows = lines.subList(1, lines.size()).stream().filter(line -> !line.isBlank()).toList();
    long[] opens = rows.stream().mapToLong(row -> Long.parseLong(row.substring(0, row.indexOf(',')))).toArray();
    return new ReplayClock(lines.get(0), rows, opens, speed);
  }

  /** The first bar's open time: a file written from it is the whole file. */
  long firstOpen() {
    return opens[0];
  }

  /** The market time (epoch millis) the clock shows at {@code wallMillis}. */
  long marketAt(long wallMillis) {
    return marketAtAlign + Math.round((wallMillis - wallAtAlign) * speed);
  }

  /** From now on the clock shows {@code marketMillis} at {@code wallMillis}. */
  void align(long wallMillis, long marketMillis) {
    wallAtAlign = wallMillis;
    marketAtAlign = marketMillis;
  }

  /** Writes the bars opening at or after {@code marketMillis} to {@code file}; the open time of the first. */
  long writeFrom(Path file, long marketMillis) throws IOException {
    int from = 0;
    while (from < opens.length - 1 && opens[from] < marketMillis) {
      from++;
    }
    StringBuilder text = new StringBuilder(header).append('\n');
    for (String row : rows.subList(from, rows.size())) {
      text.append(row).append('\n');
    }
    Files.writeString(file, text);
    return opens[from];
  }
}
