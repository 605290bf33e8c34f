package org.peaktrade.actors.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.pekko.NotUsed;
import org.apache.pekko.japi.function.Function;
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
   * the kept recent bars after it, then the live ones. A hub subscription attaches asynchronously, and a slow
   * subscriber's buffer drops its oldest bars, so the live bars may start later than the recent ones end or skip
   * some: before a live bar that does not follow the last bar given on (its open is not that bar's close), the
   * kept bars between the two are given first. Bars enter the recent ones before the hub, so a live bar finds every
   * bar published before it there (as long as they are among the newest kept). No bar is given twice.
   */
  public Source<Bar, NotUsed> after(Instant lastOpen) {
    if (lastOpen == null || recent == RecentBars.NONE) {
      return bars;
    }
    return Source.fromMaterializer((materializer, attributes) -> {
      Source<Bar, NotUsed> live = bars.preMaterialize(materializer).second();
      List<Bar> first = recent.after(lastOpen);
      Bar lastGiven = first.isEmpty() ? null : first.get(first.size() - 1);
      return Source.from(first).concat(live.statefulMapConcat(() -> new GapFill(recent, lastOpen, lastGiven)));
    }).mapMaterializedValue(ignored -> NotUsed.notUsed());
  }

  /** Gives each live bar on, after the kept bars missing before it; drops a live bar not after the last given. */
  private static final class GapFill implements Function<Bar, Iterable<Bar>> {
    private final RecentBars recent;
    private Instant lastOpen;
    private Instant lastClose;

    GapFill(RecentBars recent, Instant lastOpen, Bar lastGiven) {
      this.recent = recent;
      this.lastOpen = lastGiven == null ? lastOpen : lastGiven.openTime();
      this.lastClose = lastGiven == null ? null : lastGiven.closeTime();
    }

    @Override
    public Iterable<Bar> apply(Bar bar) {
      if (!bar.openTime().isAfter(lastOpen)) {
        return List.of();
      }
      List<Bar> given = bar.openTime().equals(lastClose) ? new ArrayList<>(1)
          : new ArrayList<>(recent.between(lastOpen, bar.openTime()));
      given.add(bar);
      Bar last = given.get(given.size() - 1);
      lastOpen = last.openTime();
      lastClose = last.closeTime();
      return given;
    }
  }
}
