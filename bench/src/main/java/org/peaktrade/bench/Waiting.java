package org.peaktrade.bench;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Polling and blocking helpers of the harnesses: a measuring thread parks between polls to leave the cores to the actors. */
final class Waiting {
  private static final long PAUSE_NANOS = 1_000;

  private Waiting() {}

  /** Polls {@code condition} until it holds; throws naming {@code what} after {@code giveUpNanos}. */
  static void awaitTrue(String what, BooleanSupplier condition, long giveUpNanos) {
    long deadline = System.nanoTime() + giveUpNanos;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("gave up waiting: " + what);
      }
      LockSupport.parkNanos(PAUSE_NANOS);
    }
  }

  static <T> T await(CompletionStage<T> stage, long timeoutSeconds) {
    try {
      return stage.toCompletableFuture().get(timeoutSeconds, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
