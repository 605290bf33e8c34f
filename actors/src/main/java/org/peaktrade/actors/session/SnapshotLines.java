package org.peaktrade.actors.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.peaktrade.actors.session.SessionState.RetainedBar;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.session.EquityPoint;

/**
 * The bulk of a session's snapshot — up to {@code recovery-bars} retained bars and {@code equity-points} marks — as
 * compact text lines rather than serialized objects: a snapshot of 10,000 bars is less than half the bytes and is read
 * back many times faster, which is what a session moving to another member waits for. A retained bar is
 * {@code <open epoch seconds>,<interval seconds>,<open>,<high>,<low>,<close>,<volume>,<1 if the strategy saw it, else
 * 0>} (the session's symbol), an equity mark {@code <epoch seconds>,<nanos>,<equity>}; decimals exactly as held.
 * Bars whose open time or interval is not whole seconds cannot be written so ({@link #fits}).
 */
final class SnapshotLines {
  private SnapshotLines() {}

  /** Whether every bar opens on, and lasts, whole seconds (every aligned candle does). */
  static boolean fits(List<RetainedBar> retained) {
    return retained.stream().allMatch(kept -> kept.bar().openTime().getNano() == 0
        && kept.bar().interval().getNano() == 0);
  }

  static List<String> retainedLines(List<RetainedBar> retained) {
    List<String> lines = new ArrayList<>(retained.size());
    for (RetainedBar kept : retained) {
      Bar bar = kept.bar();
      lines.add(bar.openTime().getEpochSecond() + "," + bar.interval().getSeconds() + "," + BarText.prices(bar) + ","
          + (kept.strategySawIt() ? "1" : "0"));
    }
    return lines;
  }

  static List<RetainedBar> retained(Symbol symbol, List<String> lines) {
    List<RetainedBar> retained = new ArrayList<>(lines.size());
    for (String line : lines) {
      String[] f = BarText.fields(line, 3 + BarText.PRICE_FIELDS, "a retained bar");
      Bar bar = BarText.bar(symbol, Instant.ofEpochSecond(Long.parseLong(f[0])),
          Duration.ofSeconds(Long.parseLong(f[1])), f, 2);
      retained.add(new RetainedBar(bar, f[7].equals("1")));
    }
    return retained;
  }

  static List<String> equityLines(List<EquityPoint> points) {
    List<String> lines = new ArrayList<>(points.size());
    points.forEach(point -> lines.add(point.time().getEpochSecond() + "," + point.time().getNano() + ","
        + point.equity().amount().toPlainString()));
    return lines;
  }

  static List<EquityPoint> equity(List<String> lines) {
    List<EquityPoint> points = new ArrayList<>(lines.size());
    for (String line : lines) {
      String[] f = BarText.fields(line, 3, "an equity mark");
      points.add(new EquityPoint(Instant.ofEpochSecond(Long.parseLong(f[0]), Long.parseLong(f[1])),
          Money.of(f[2])));
    }
    return points;
  }
}
