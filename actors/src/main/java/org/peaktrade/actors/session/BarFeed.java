package org.peaktrade.actors.session;

import java.time.Instant;
import java.util.Objects;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Source;
import org.peaktrade.actors.marketdata.RecentBars;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.session.MarketDataSource;

/**
 * The closed bars of one symbol as the node offers them to sessions, and where they come from (the mode gates
 * decide on it: SHADOW takes live or replayed real candles, never synthetic ones). Every materialisation of
 * {@code bars} is one more subscriber (a {@code FeedHub} subscription, or a replay from its start); a session skips
 * bars it has already processed, so a replay that restarts after a node restart continues where it left off.
 * {@code recent} keeps the newest bars published ({@link RecentBars#NONE}: none), which a resuming session receives
 * first ({@link #after}).
 */
public record BarFeed(MarketDataSource source, Source<Bar, NotUsed> bars, RecentBars recent) {
  public BarFeed {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(bars, "bars");
    Objects.requireNonNull(recent, "recent");
  }

  /** A feed that keeps no recent bars. */
  public BarFeed(MarketDataSource source, Source<Bar, NotUsed> bars) {
    this(source, bars, RecentBars.NONE);
  }

  /**
   * The bars for a subscriber whose last bar opened at {@code lastOpen} (null: it has none, it gets the live bars):
   * the kept recent bars after it, then the live ones. The live subscription is attached before the recent bars are
   * read, so a bar published in between comes twice (the session skips the second) and none is missed.
   */
  public Source<Bar, NotUsed> after(Instant lastOpen) {
    if (lastOpen == null || recent == RecentBars.NONE) {
      return bars;
    }
    return Source.fromMaterializer((materializer, attributes) -> {
      Source<Bar, NotUsed> live = bars.preMaterialize(materializer).second();
      return Source.from(recent.after(lastOpen)).concat(live);
    }).mapMaterializedValue(ignored -> NotUsed.notUsed());
  }
}
