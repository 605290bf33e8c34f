package org.peaktrade.actors.marketdata;

import java.util.function.Consumer;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Flow;
import org.peaktrade.protocol.Bar;

/**
 * The last stage of a feed whose bars were checked before it started (a {@link ReplayFile}), in place of a
 * {@link BarValidationFlow}, so that no bar is validated twice: counts every bar as accepted in {@code stats} and
 * records there how the stream ended. A failure is kept in {@link FeedStats#failure()} (readiness and metrics read it)
 * and told to {@code failures}, so a feed never stops silently; the stream being torn down because the actor system
 * stops is not a failure of the feed ({@link FeedStats#recordFailure}).
 */
public final class CheckedBarsFlow {

  private CheckedBarsFlow() {}

  public static Flow<Bar, Bar, NotUsed> create(FeedStats stats, Consumer<Throwable> failures) {
    return Flow.of(Bar.class).map(bar -> {
      stats.countAccepted(bar);
      return bar;
    }).watchTermination((notUsed, done) -> {
      done.whenComplete((ok, failure) -> {
        if (failure != null && stats.recordFailure(failure)) {
          failures.accept(failure);
        }
      });
      return notUsed;
    });
  }
}
