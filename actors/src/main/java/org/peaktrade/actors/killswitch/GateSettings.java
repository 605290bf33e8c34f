package org.peaktrade.actors.killswitch;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Settings of the node-local kill-switch gate, under {@code peaktrade.kill-switch.gate} (defaults in
 * reference.conf): a view older than {@code stale-after} blocks; every {@code refresh-interval} the gate asks the
 * service, in one batch, for the global switch and for each session whose view is at least
 * {@link #sessionDueAge()} old, so a missed push heals and an unchanged view is confirmed before it goes stale.
 */
public record GateSettings(Duration staleAfter, Duration refreshInterval) {
  public static final String PATH = "peaktrade.kill-switch.gate";

  public GateSettings {
    if (staleAfter.isNegative() || staleAfter.isZero()) {
      throw new IllegalArgumentException(PATH + ".stale-after must be positive: " + staleAfter);
    }
    if (refreshInterval.isNegative() || refreshInterval.isZero()) {
      throw new IllegalArgumentException(PATH + ".refresh-interval must be positive: " + refreshInterval);
    }
    if (refreshInterval.compareTo(staleAfter) >= 0) {
      throw new IllegalArgumentException(PATH + ".refresh-interval (" + refreshInterval
          + ") must be shorter than " + PATH + ".stale-after (" + staleAfter + "), or every view goes stale");
    }
  }

  /**
   * How often an unchanged session is confirmed: {@code stale-after} less two refresh intervals (never negative), so
   * a session whose answer is lost is asked once more before its view could go stale. With the defaults (5 s, 1 s):
   * about every 3 s instead of every second.
   */
  public Duration confirmAfter() {
    Duration confirmAfter = staleAfter.minus(refreshInterval.multipliedBy(2));
    return confirmAfter.isNegative() ? Duration.ZERO : confirmAfter;
  }

  /**
   * A session whose view is at least this old is asked at the next refresh: {@link #confirmAfter()} less half a
   * refresh interval (never negative), which picks the refresh nearest to the moment the view turns
   * {@code confirmAfter} old. Half an interval of margin either side keeps the cadence steady although answers
   * arrive a little after their refresh and the timer fires a little late: 2.5 s with the defaults, so an idle
   * session is asked every third refresh, at most 3.5 s after its last confirmation, and again at most 4.5 s after
   * it if that answer is lost.
   */
  public Duration sessionDueAge() {
    Duration due = confirmAfter().minus(refreshInterval.dividedBy(2));
    return due.isNegative() ? Duration.ZERO : due;
  }

  /**
   * A view at least this much older than the age at which it was last asked for has missed an answer: one refresh
   * interval past {@code dueAge} (at least half an interval, so an answer that came just after its refresh is not
   * counted). The global switch, asked every refresh, has {@code dueAge} zero: overdue at 1.5 intervals.
   */
  public Duration overdueAge(Duration dueAge) {
    Duration halfInterval = refreshInterval.dividedBy(2);
    return (dueAge.compareTo(halfInterval) < 0 ? halfInterval : dueAge).plus(refreshInterval);
  }

  public static GateSettings fromConfig(Config root) {
    Config c = root.getConfig(PATH);
    return new GateSettings(c.getDuration("stale-after"), c.getDuration("refresh-interval"));
  }
}
