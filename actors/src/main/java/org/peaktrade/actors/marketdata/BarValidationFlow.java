package org.peaktrade.actors.marketdata;

import java.util.List;
import java.util.function.Consumer;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Flow;
import org.peaktrade.engine.marketdata.BarValidator;
import org.peaktrade.engine.marketdata.BarValidator.Verdict;
import org.peaktrade.protocol.Bar;

/**
 * The validation stage between a bar source and the {@link FeedHub}: every bar goes through a
 * {@link BarValidator}; accepted bars pass on unchanged, rejected ones (duplicate, out of order) are dropped.
 * Each rejection and each gap is told to {@code notices}, counted in {@code stats} and, for rejections,
 * written to the rate-limited {@code log}.
 *
 * <p>Each materialisation gets a fresh validator, so a restarted feed starts without history.
 */
public final class BarValidationFlow {

  private BarValidationFlow() {}

  public static Flow<Bar, Bar, NotUsed> create(FeedStats stats, Consumer<FeedNotice> notices, RejectionLog log) {
    return Flow.of(Bar.class).statefulMapConcat(() -> {
      BarValidator validator = new BarValidator();
      return bar -> {
        Verdict verdict = validator.check(bar);
        if (!verdict.accepted()) {
          stats.countRejected(verdict.reason());
          log.rejected(verdict.reason(), verdict.detail());
          notices.accept(new FeedNotice.Rejected(bar, verdict.reason(), verdict.detail()));
          return List.of();
        }
        if (verdict.hasGap()) {
          stats.countGap();
          notices.accept(new FeedNotice.GapDetected(bar.symbol(), verdict.gapFrom(), verdict.gapTo()));
        }
        stats.countAccepted(bar);
        return List.of(bar);
      };
    });
  }
}
