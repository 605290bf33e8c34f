package org.peaktrade.bench;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;
import java.util.function.Predicate;

/** When (and how often) a node's log (lines starting {@code HH:mm:ss.SSS}, the node's logback pattern) says something. */
final class NodeLog {
  private static final long HOUR = 3_600_000;
  private static final long DAY = 24 * HOUR;

  private NodeLog() {}

  /** The wall time (epoch millis) of the first line at or after {@code notBefore} that {@code matches}. */
  static OptionalLong first(String log, long notBefore, Predicate<String> matches) {
    for (String line : log.split("\n")) {
      long at = wallMillis(line);
      if (at >= notBefore && matches.test(line)) {
        return OptionalLong.of(at);
      }
    }
    return OptionalLong.empty();
  }

  /** The wall time of the last line at or after {@code notBefore} that {@code matches}. */
  static OptionalLong last(String log, long notBefore, Predicate<String> matches) {
    OptionalLong last = OptionalLong.empty();
    for (String line : log.split("\n")) {
      long at = wallMillis(line);
      if (at >= notBefore && matches.test(line)) {
        last = OptionalLong.of(at);
      }
    }
    return last;
  }

  /** How many lines at or after {@code notBefore} contain {@code text}. */
  static long count(String log, long notBefore, String text) {
    long count = 0;
    for (String line : log.split("\n")) {
      if (line.contains(text) && wallMillis(line) >= notBefore) {
        count++;
      }
    }
    return count;
  }

  /** The line's time as epoch millis today (yesterday if that would lie in the future); -1 without a time. */
  static long wallMillis(String line) {
    if (line.length() < 12 || line.charAt(2) != ':' || line.charAt(8) != '.') {
      return -1;
    }
    try {
      LocalTime time = LocalTime.parse(line.substring(0, 12));
      long at = time.atDate(LocalDate.now()).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
      return at > System.currentTimeMillis() + HOUR ? at - DAY : at;
    } catch (DateTimeParseException notATime) {
      return -1;
    }
  }
}
