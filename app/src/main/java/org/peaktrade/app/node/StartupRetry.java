package org.peaktrade.app.node;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.peaktrade.engine.time.Ticker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks made while a node starts, retried with backoff while they time out. A member started together with the others
 * asks its sessions before their shards have loaded the remembered entities; such an ask times out (Pekko's
 * {@code AskTimeoutException}, itself a {@link TimeoutException}) although nothing is wrong, so a timeout is retried
 * (WARN each time, with the attempt and the time left) until {@code peaktrade.node.start-timeout} has passed since the
 * first attempt. Any other failure ends the start at once: it is an answer, not a missing one.
 */
final class StartupRetry {

  static final String START_TIMEOUT = "peaktrade.node.start-timeout";
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
  /** One attempt waits at most this long; the ask timeouts of the sessions end an attempt well before. */
  static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(30);
  private static final Logger LOG = LoggerFactory.getLogger(StartupRetry.class);

  /** Waits between attempts; production blocks the starting thread, tests record the pauses and move a ticker. */
  @FunctionalInterface
  interface Pause {
    Pause SLEEP = duration -> Thread.sleep(duration.toMillis());

    void pause(Duration duration) throws InterruptedException;
  }

  private final Duration timeout;
  private final Ticker ticker;
  private final Pause pause;

  /** {@code timeout} is positive (SessionWiring checks the setting). */
  StartupRetry(Duration timeout, Ticker ticker, Pause pause) {
    this.timeout = timeout;
    this.ticker = ticker;
    this.pause = pause;
  }

  /**
   * The answer of {@code attempt}, asked again after 1 s, 2 s, 4 s ... (at most 10 s) while it times out; throws
   * {@link IllegalStateException} naming {@code what} and the setting once the start timeout has passed.
   */
  <T> T call(String what, Supplier<? extends CompletionStage<T>> attempt) {
    long deadline = ticker.nanos() + timeout.toNanos();
    Duration backoff = FIRST_BACKOFF;
    for (int number = 1; ; number++) {
      TimeoutException timedOut;
      try {
        T answer = attempt.get().toCompletableFuture().get(ATTEMPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (number > 1) {
          LOG.info("{}: answered on attempt {}", what, number);
        }
        return answer;
      } catch (TimeoutException e) {
        timedOut = e;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TimeoutException cause)) {
          throw failure(what, e.getCause());
        }
        timedOut = cause;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while " + what, e);
      }
      long left = deadline - ticker.nanos();
      if (left <= 0) {
        throw new IllegalStateException(what + ": no answer in " + number + " attempts within " + timeout + " ("
            + START_TIMEOUT + "); last: " + timedOut, timedOut);
      }
      Duration wait = backoff.compareTo(Duration.ofNanos(left)) < 0 ? backoff : Duration.ofNanos(left);
      LOG.warn("{}: no answer on attempt {} ({}); the shards may still be loading their entities, retrying in {} "
          + "({} left of {})", what, number, timedOut.getMessage(), wait, Duration.ofNanos(left), START_TIMEOUT);
      try {
        pause.pause(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while " + what, e);
      }
      backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) < 0 ? backoff.multipliedBy(2) : MAX_BACKOFF;
    }
  }

  /**
   * Asks {@code check} every {@code every} until it answers true or {@code within} has passed (an answer that fails,
   * or has not come by then, counts as false); whether it answered true.
   */
  boolean until(Supplier<? extends CompletionStage<Boolean>> check, Duration every, Duration within) {
    long deadline = ticker.nanos() + within.toNanos();
    while (true) {
      try {
        long left = Math.max(1, deadline - ticker.nanos());
        if (check.get().toCompletableFuture().get(left, TimeUnit.NANOSECONDS)) {
          return true;
        }
      } catch (ExecutionException | TimeoutException e) {
        // not yet: ask again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      if (ticker.nanos() >= deadline) {
        return false;
      }
      try {
        pause.pause(every);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  private static RuntimeException failure(String what, Throwable cause) {
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    return new IllegalStateException(what + " failed: " + cause, cause);
  }
}
