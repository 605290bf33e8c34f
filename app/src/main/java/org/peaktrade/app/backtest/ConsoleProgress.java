package org.peaktrade.app.backtest;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.peaktrade.engine.backtest.BacktestProgress;

/**
 * A progress bar on stderr for work that runs longer than about a second, when run in a terminal; quick runs and
 * runs whose output goes to files (CI, pipes) print nothing. Safe to
 * share between threads (a sweep reports runs done, a single backtest bars done).
 */
final class ConsoleProgress implements BacktestProgress {
  private static final long SHOW_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
  private static final int WIDTH = 30;

  private final PrintStream out;
  private final String unit;
  private final int checkEvery;
  private final long started = System.nanoTime();
  private final AtomicLong lastDrawn = new AtomicLong();
  private final boolean interactive = System.console() != null;
  private volatile boolean drawn;

  /** Looks at the clock only every {@code checkEvery} units, so per-bar calls stay cheap. */
  ConsoleProgress(PrintStream out, String unit, int checkEvery) {
    this.out = out;
    this.unit = unit;
    this.checkEvery = checkEvery;
  }

  @Override
  public void barsDone(int done, int total) {
    if (!interactive || (done % checkEvery != 0 && done != total)) {
      return;
    }
    long now = System.nanoTime();
    long last = lastDrawn.get();
    if (now - started < SHOW_AFTER_NANOS || (now - last < REDRAW_NANOS && done != total)
        || !lastDrawn.compareAndSet(last, now)) {
      return;
    }
    int filled = (int) ((long) WIDTH * done / total);
    synchronized (out) {
      out.printf("\r[%s%s] %3d%% %,d/%,d %s", "#".repeat(filled), ".".repeat(WIDTH - filled),
          (int) (100L * done / total), done, total, unit);
      drawn = true;
      if (done == total) {
        out.println();
      }
    }
  }

  /** Ends the bar's line if one was drawn and not completed. */
  void finish() {
    if (drawn) {
      synchronized (out) {
        out.println();
      }
    }
  }
}
