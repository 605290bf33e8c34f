package org.peaktrade.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Bounded polling loops, one thread each, so a request that blocks (a node holding an answer until its ask times
 * out) delays only its own loop. Every loop ends when its step says so, when {@link #close} is called, or after the
 * give-up time the harness passed in.
 */
final class Pollers implements AutoCloseable {
  private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "poller");
    thread.setDaemon(true);
    return thread;
  });
  private final List<Future<?>> loops = new ArrayList<>();
  private final long deadline;
  private volatile boolean closed;

  Pollers(long giveUpNanos) {
    this.deadline = System.nanoTime() + giveUpNanos;
  }

  /** Runs {@code step} every {@code periodMillis} until it returns false. */
  void every(long periodMillis, BooleanSupplier step) {
    loops.add(threads.submit(() -> {
      while (!closed && System.nanoTime() < deadline && step.getAsBoolean()) {
        Waiting.sleep(periodMillis);
      }
    }));
  }

  /** Whether the give-up time has passed. */
  boolean expired() {
    return System.nanoTime() > deadline;
  }

  /** Waits until every loop has ended by itself (or the give-up time passed). */
  void awaitAll() throws Exception {
    for (Future<?> loop : loops) {
      loop.get(Math.max(1, deadline - System.nanoTime()) + TimeUnit.SECONDS.toNanos(30), TimeUnit.NANOSECONDS);
    }
  }

  /** Ends every loop after its current step. */
  @Override
  public void close() throws InterruptedException {
    closed = true;
    threads.shutdown();
    threads.awaitTermination(30, TimeUnit.SECONDS);
  }
}
