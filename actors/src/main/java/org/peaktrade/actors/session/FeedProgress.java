package org.peaktrade.actors.session;

import java.util.List;
import org.peaktrade.protocol.Bar;

/**
 * Whether a {@link TradingSession} keeps up with its feed and, when it does not, what it is doing: skipping bars it
 * had processed (a replay resumed after a restart sends them again) or taking many bars at once because it is behind
 * (catching up). Its view shows it ({@code catchingUp}), so that a session that has not seen a new bar for a while
 * does not look like one trading live. Transient: a restarted session starts as keeping up.
 */
final class FeedProgress {
  private String doing;

  /** A delivery of {@code arrived} bars of the session's symbol came, {@code fresh} of them new to it. */
  void delivered(List<Bar> arrived, List<Bar> fresh, Bar lastProcessed) {
    if (fresh.isEmpty() && !arrived.isEmpty() && lastProcessed != null) {
      doing = "skipping bars it has already processed: the feed sent the bars up to "
          + arrived.get(arrived.size() - 1).openTime() + " again (a replay resumed after a restart); its last bar is "
          + lastProcessed.openTime();
    } else if (fresh.size() > 1) {
      doing = "catching up: took " + fresh.size() + " bars at once, up to the bar of "
          + fresh.get(fresh.size() - 1).openTime();
    } else if (fresh.size() == 1) {
      doing = null;
    }
  }

  /** What the session is doing with its feed; null when it keeps up. */
  String describe() {
    return doing;
  }

  void reset() {
    doing = null;
  }
}
