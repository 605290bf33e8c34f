package org.peaktrade.engine.candles;

import java.util.Objects;
import org.peaktrade.protocol.Bar;

/** A candle the store refused, why, and a sentence for logs and operators. */
public record CandleRejection(Bar bar, Reason reason, String detail) {

  /** Why a candle was refused. */
  public enum Reason {
    /** Its open time is not a whole multiple of its interval since the epoch (1m candles open on the minute). */
    MISALIGNED,
    /** A candle with the same open time but other prices or volume is kept; it is never overwritten. */
    CONFLICTING_DUPLICATE,
    /** It opens before the newest candle kept for its series, at a time for which none is kept. */
    OUT_OF_ORDER
  }

  public CandleRejection {
    Objects.requireNonNull(bar, "bar");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }
}
