package org.peaktrade.engine.optimize;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Rolling walk-forward windows: optimise on {@code train}, then evaluate the chosen parameters on the
 * {@code test} period that follows it; move both forward by {@code step} (default: the test length, so test
 * periods tile the data without overlap). Parsed from {@code train=90d,test=30d[,step=30d]} with units
 * m, h, d.
 */
public record WalkForwardPlan(Duration train, Duration test, Duration step) {

  public WalkForwardPlan {
    requirePositive(train, "train");
    requirePositive(test, "test");
    requirePositive(step, "step");
  }

  /** One train period and the test period right after it; ends are exclusive. */
  public record Window(int number, Instant trainStart, Instant trainEnd, Instant testEnd) {
    public Instant testStart() {
      return trainEnd;
    }
  }

  public static WalkForwardPlan parse(String spec) {
    Duration train = null;
    Duration test = null;
    Duration step = null;
    for (String part : spec.split(",")) {
      String[] kv = part.trim().split("=", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException("walk-forward must look like train=90d,test=30d[,step=30d]: '" + spec + "'");
      }
      Duration value = duration(kv[1].trim(), kv[0].trim());
      switch (kv[0].trim()) {
        case "train" -> train = value;
        case "test" -> test = value;
        case "step" -> step = value;
        default -> throw new IllegalArgumentException("walk-forward knows train, test and step, not '" + kv[0] + "'");
      }
    }
    if (train == null || test == null) {
      throw new IllegalArgumentException("walk-forward needs both train= and test=: '" + spec + "'");
    }
    return new WalkForwardPlan(train, test, step == null ? test : step);
  }

  /** The windows whose test period ends within [{@code first}, {@code end}). */
  public List<Window> windows(Instant first, Instant end) {
    List<Window> windows = new ArrayList<>();
    for (Instant start = first; !start.plus(train).plus(test).isAfter(end); start = start.plus(step)) {
      windows.add(new Window(windows.size() + 1, start, start.plus(train), start.plus(train).plus(test)));
    }
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("the data spans " + Duration.between(first, end).toHours() + "h, less than "
          + "train + test = " + train.plus(test).toHours() + "h: no walk-forward window fits");
    }
    return windows;
  }

  private static Duration duration(String text, String what) {
    if (text.length() < 2) {
      throw new IllegalArgumentException("walk-forward " + what + " must be a number with unit m, h or d: '" + text + "'");
    }
    long amount;
    try {
      amount = Long.parseLong(text.substring(0, text.length() - 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("walk-forward " + what + " must be a number with unit m, h or d: '" + text + "'");
    }
    return switch (text.charAt(text.length() - 1)) {
      case 'm' -> Duration.ofMinutes(amount);
      case 'h' -> Duration.ofHours(amount);
      case 'd' -> Duration.ofDays(amount);
      default -> throw new IllegalArgumentException(
          "walk-forward " + what + " must be a number with unit m, h or d: '" + text + "'");
    };
  }

  private static void requirePositive(Duration value, String what) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException("walk-forward " + what + " must be positive");
    }
  }
}
