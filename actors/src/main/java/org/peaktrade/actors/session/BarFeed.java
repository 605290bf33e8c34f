package org.peaktrade.actors.session;

import java.util.Objects;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Source;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.session.MarketDataSource;

/**
 * The closed bars of one symbol as the node offers them to sessions, and where they come from (the mode gates
 * decide on it: SHADOW takes live or replayed real candles, never synthetic ones). Every materialisation of
 * {@code bars} is one more subscriber (a {@code FeedHub} subscription, or a replay from its start); a session skips
 * bars it has already processed, so a replay that restarts after a node restart continues where it left off.
 */
public record BarFeed(MarketDataSource source, Source<Bar, NotUsed> bars) {
  public BarFeed {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(bars, "bars");
  }
}
