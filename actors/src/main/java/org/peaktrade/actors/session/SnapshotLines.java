package org.peaktrade.actors.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.peaktrade.actors.session.SessionState.RetainedBar;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Symbol;

/**
 * The retained bars of a snapshot written before stop 31, which held up to {@code recovery-bars} of them as compact
 * text lines: {@code <open epoch seconds>,<interval seconds>,<open>,<high>,<low>,<close>,<volume>,<1 if the strategy
 * saw it, else 0>} (the session's symbol), decimals exactly as held. Read back for the first bar and the bars the
 * strategy failed on; snapshots now hold no bars (nor the equity marks they held as lines too).
 */
final class SnapshotLines {
  private SnapshotLines() {}

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
}
