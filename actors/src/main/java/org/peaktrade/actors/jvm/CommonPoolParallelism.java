package org.peaktrade.actors.jvm;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;

/**
 * Makes the JDK's common fork-join pool run callbacks on at least two threads. Pekko's Java API hands out Scala
 * futures converted to {@link CompletableFuture}s whose non-async stages ({@code handle}, {@code thenApply}) run as
 * async stages on the default executor: every {@code ActorContext.ask} and {@code pipeToSelf} of such a future
 * completes through it. On a machine with one or two processors the JDK gives the common pool a parallelism of 1, and
 * then {@link CompletableFuture} does not use it but <em>starts a new thread for every callback</em> — one per ask:
 * measured on this project's two-core machine, a session's round trip to its risk gate took 0.6 ms instead of
 * 0.14 ms (docs/benchmarks.md). The pool is chosen once, when {@link CompletableFuture} is first loaded, so
 * {@link #atLeastTwo} must run first thing in {@code main}, before anything creates a future; test JVMs get the
 * same setting on their command line (the build's {@code argLine}).
 */
public final class CommonPoolParallelism {
  /** The system property the JDK reads when it creates the common pool. */
  public static final String PROPERTY = "java.util.concurrent.ForkJoinPool.common.parallelism";

  private CommonPoolParallelism() {}

  /**
   * Sets the common pool's parallelism to 2 when nothing set it and the JDK would pick less; answers whether the pool
   * now has at least two threads for callbacks (false: it was created earlier with fewer, or the property says 1).
   */
  public static boolean atLeastTwo() {
    if (System.getProperty(PROPERTY) == null && Runtime.getRuntime().availableProcessors() - 1 < 2) {
      System.setProperty(PROPERTY, "2");
    }
    return ForkJoinPool.getCommonPoolParallelism() >= 2;
  }
}
