package org.peaktrade.actors.marketdata;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import org.peaktrade.engine.marketdata.BarValidator.Reason;
import org.slf4j.LoggerFactory;

/**
 * Logs at most one line per rejection reason per interval, so a feed that sends garbage at full rate cannot
 * flood the log. The rejections in between are counted and the count is reported with the next line written
 * for that reason. Thread-safe, so one log may serve several streams.
 */
public final class RejectionLog {
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

  private final Duration interval;
  private final Clock clock;
  private final Consumer<String> lines;
  private final Map<Reason, Instant> lastWritten = new EnumMap<>(Reason.class);
  private final Map<Reason, Long> suppressed = new EnumMap<>(Reason.class);

  public RejectionLog(Duration interval, Clock clock, Consumer<String> lines) {
    this.interval = interval;
    this.clock = clock;
    this.lines = lines;
  }

  /** Writes warnings to the {@code org.peaktrade.actors.marketdata.RejectionLog} logger. */
  public static RejectionLog toSlf4j(Duration interval, Clock clock) {
    return new RejectionLog(interval, clock, LoggerFactory.getLogger(RejectionLog.class)::warn);
  }

  public synchronized void rejected(Reason reason, String detail) {
    Instant now = clock.instant();
    Instant last = lastWritten.get(reason);
    if (last != null && now.isBefore(last.plus(interval))) {
      suppressed.merge(reason, 1L, Long::sum);
      return;
    }
    long skipped = suppressed.getOrDefault(reason, 0L);
    lastWritten.put(reason, now);
    suppressed.remove(reason);
    lines.accept("Rejected (" + reason + "): " + detail
        + (skipped == 0 ? "" : "; " + skipped + " more " + reason + " since " + last));
  }
}
