package org.peaktrade.actors.marketdata;

import java.time.Instant;
import org.peaktrade.engine.marketdata.BarValidator.Reason;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Symbol;

/** What the validation stage tells its side channel: bars it dropped and holes it saw in a feed. */
public sealed interface FeedNotice {

  /** No bar covered {@code from} (the last accepted close) up to {@code to} (the next accepted open). */
  record GapDetected(Symbol symbol, Instant from, Instant to) implements FeedNotice {}

  /** {@code bar} was dropped for {@code reason}; {@code detail} says why in words. */
  record Rejected(Bar bar, Reason reason, String detail) implements FeedNotice {}
}
