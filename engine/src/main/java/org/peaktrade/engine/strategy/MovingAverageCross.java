package org.peaktrade.engine.strategy;

import java.util.List;
import org.peaktrade.engine.indicator.CrossDetector;
import org.peaktrade.engine.indicator.Sma;
import org.peaktrade.protocol.Bar;

/**
 * {@code ma-cross}: trend following on two simple moving averages of the close.
 *
 * <p>Rule: when SMA(fast) crosses strictly above SMA(slow), go LONG; when it crosses strictly below, go SHORT
 * (held as FLAT where shorting is not allowed). Between crosses the position is held. Every long therefore ends
 * at the next downward cross: the original system entered on crosses and never exited. FLAT until the first
 * cross after both averages are ready. Defaults fast=10, slow=30; fast must be less than slow.
 */
public final class MovingAverageCross implements Strategy {

  static final StrategyDefinition DEFINITION = new StrategyDefinition("ma-cross",
      "LONG when SMA(fast) crosses above SMA(slow), SHORT when it crosses below",
      List.of(ParameterSpec.period("fast", 10, 1, "fast SMA period in bars"),
          ParameterSpec.period("slow", 30, 2, "slow SMA period in bars")),
      p -> new MovingAverageCross(p.integer("fast"), p.integer("slow")));

  private final Sma fast;
  private final Sma slow;
  private final CrossDetector crosses = new CrossDetector();
  private Direction position = Direction.FLAT;

  public MovingAverageCross(int fastPeriod, int slowPeriod) {
    if (fastPeriod >= slowPeriod) {
      throw new IllegalArgumentException(
          "fast must be less than slow but was fast=" + fastPeriod + ", slow=" + slowPeriod);
    }
    this.fast = new Sma(fastPeriod);
    this.slow = new Sma(slowPeriod);
  }

  @Override
  public Direction onBar(Bar bar) {
    double close = bar.close().toDouble();
    fast.update(close);
    slow.update(close);
    position = switch (crosses.update(fast.value(), slow.value())) {
      case ABOVE -> Direction.LONG;
      case BELOW -> Direction.SHORT;
      case NONE -> position;
    };
    return position;
  }
}
