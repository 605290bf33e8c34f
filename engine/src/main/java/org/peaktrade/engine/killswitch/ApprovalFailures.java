package org.peaktrade.engine.killswitch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Wrong approval codes, rebuilt from {@code ApprovalCodeRejected} events so a lock-out survives a restart.
 * {@code recent} holds the failures since the last lock-out or accepted request (at most {@link #MAX_TRACKED},
 * newest last); {@code lockedUntil} is the end of the latest lock-out, or null.
 */
public record ApprovalFailures(List<Instant> recent, Instant lockedUntil) {
  /** Upper bound of tracked failures, and so of the configurable attempt limit; keeps snapshots small. */
  public static final int MAX_TRACKED = 100;
  public static final ApprovalFailures NONE = new ApprovalFailures(List.of(), null);

  public ApprovalFailures {
    recent = List.copyOf(recent);
  }

  public boolean lockedAt(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  /** Failures at or after {@code now - window}. */
  public int countWithin(Duration window, Instant now) {
    Instant from = now.minus(window);
    return (int) recent.stream().filter(at -> !at.isBefore(from)).count();
  }

  ApprovalFailures recorded(Instant at, Instant startedLockout) {
    if (startedLockout != null) {
      return new ApprovalFailures(List.of(), startedLockout);
    }
    List<Instant> next = new ArrayList<>(recent);
    next.add(at);
    if (next.size() > MAX_TRACKED) {
      next.remove(0);
    }
    return new ApprovalFailures(next, lockedUntil);
  }

  ApprovalFailures cleared() {
    return new ApprovalFailures(List.of(), lockedUntil);
  }
}
