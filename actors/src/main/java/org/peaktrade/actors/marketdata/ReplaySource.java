package org.peaktrade.actors.marketdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.NotUsed;
import org.apache.pekko.pattern.Patterns;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Source;
import org.peaktrade.engine.data.LoadOptions;
import org.peaktrade.engine.data.MarketDataFiles;
import org.peaktrade.protocol.Bar;

/**
 * Plays a historical file back as a bar stream, for replay sessions and tests.
 *
 * <p>The file is read by {@link MarketDataFiles#load} when the source is materialised, so bad rows follow
 * {@link LoadOptions#skipBadRows()}: by default the first one fails the stream, otherwise such rows are left
 * out. An unreadable file also fails the stream.
 *
 * <p>Pacing: a bar is known at its close time, so the first bar is emitted as soon as the file is read and
 * every later bar when {@code (close - firstClose) / factor} of wall time has passed since the first one. Each bar waits in a
 * {@code mapAsync(1)} on {@link Patterns#after} for the rest of its due time. Because due times are measured
 * from one fixed start rather than from the previous bar, scheduler jitter does not add up over a long file,
 * and a slow consumer only delays bars, it never reorders or drops them.
 */
public final class ReplaySource {

  private ReplaySource() {}

  public static Source<Bar, NotUsed> fromFile(Path file, LoadOptions options, ReplaySpeed speed) {
    Source<Bar, NotUsed> bars = Source.fromIterator(() -> load(file, options));
    if (speed instanceof ReplaySpeed.Scaled scaled) {
      return Source.fromMaterializer((materializer, attributes) -> paced(bars, scaled, materializer))
          .mapMaterializedValue(ignored -> NotUsed.notUsed());
    }
    return bars;
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

  private static Iterator<Bar> load(Path file, LoadOptions options) {
    try {
      return MarketDataFiles.load(file, options).bars().iterator();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot replay " + file.getFileName(), e);
    }
  }
}
