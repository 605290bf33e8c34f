package org.peaktrade.actors.marketdata;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.NotUsed;
import org.apache.pekko.pattern.Patterns;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Source;
import org.peaktrade.protocol.Bar;

/**
 * Plays the bars of a checked {@link ReplayFile} back as a stream, for the node's replay, the {@code feed} command
 * and tests. The file was read and every row checked before (bad rows reported with their lines, left out or
 * refused), so the stream holds no parser and has nothing to reject.
 *
 * <p>Pacing: a bar is known at its close time, so the first bar is emitted at once and every later bar when
 * {@code (close - firstClose) / factor} of wall time has passed since the first one. Each bar waits in a
 * {@code mapAsync(1)} on {@link Patterns#after} for the rest of its due time. Because due times are measured
 * from one fixed start rather than from the previous bar, scheduler jitter does not add up over a long file,
 * and a slow consumer only delays bars, it never reorders or drops them.
 */
public final class ReplaySource {

  private ReplaySource() {}

  /** {@code bars}, oldest first, at {@code speed}; each materialisation plays them from the first. */
  public static Source<Bar, NotUsed> of(List<Bar> bars, ReplaySpeed speed) {
    Source<Bar, NotUsed> all = Source.from(List.copyOf(bars));
    if (speed instanceof ReplaySpeed.Scaled scaled) {
      return Source.fromMaterializer((materializer, attributes) -> paced(all, scaled, materializer))
          .mapMaterializedValue(ignored -> NotUsed.notUsed());
    }
    return all;
  }

  /**
   * {@code bars}, oldest first: the first {@code playedBefore} of them at once, one after the other as fast as they
   * are taken (a restarted node's replay plays again what it had played, which its sessions mostly have), then the
   * rest at {@code speed}, paced from the first of them.
   */
  public static Source<Bar, NotUsed> resuming(List<Bar> bars, int playedBefore, ReplaySpeed speed) {
    if (playedBefore <= 0) {
      return of(bars, speed);
    }
    return Source.from(List.copyOf(bars.subList(0, playedBefore)))
        .concat(of(bars.subList(playedBefore, bars.size()), speed));
  }

  private static Source<Bar, NotUsed> paced(Source<Bar, NotUsed> bars, ReplaySpeed.Scaled speed,
      Materializer materializer) {
    return bars.prefixAndTail(1).flatMapConcat(firstAndRest -> {
      if (firstAndRest.first().isEmpty()) {
        return Source.empty();
      }
      long startNanos = System.nanoTime();
      Bar first = firstAndRest.first().get(0);
      return Source.single(first).concat(firstAndRest.second().mapAsync(1, bar -> {
        Duration due = speed.wallTime(Duration.between(first.closeTime(), bar.closeTime()));
        Duration wait = due.minusNanos(System.nanoTime() - startNanos);
        if (wait.isNegative() || wait.isZero()) {
          return CompletableFuture.completedFuture(bar);
        }
        return Patterns.after(wait, materializer.system(), () -> CompletableFuture.completedFuture(bar));
      }));
    });
  }
}
