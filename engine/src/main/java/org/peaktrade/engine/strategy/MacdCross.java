package org.peaktrade.engine.strategy;

import java.util.List;
import org.peaktrade.engine.indicator.CrossDetector;
import org.peaktrade.engine.indicator.Macd;
import org.peaktrade.protocol.Bar;

/**
 * {@code macd}: trend following on the MACD line against its signal line.
 *
 * <p>Rule: when MACD(fast, slow) crosses strictly above its signal EMA, go LONG; when it crosses strictly below,
 * go SHORT. Between crosses the position is held. FLAT until the first cross after the signal line is ready
 * ({@code slow + signal - 1} bars). Defaults fast=12, slow=26, signal=9; fast must be less than slow.
 */
public final class MacdCross implements Strategy {

  static final StrategyDefinition DEFINITION = new StrategyDefinition("macd",
      "LONG when the MACD line crosses above its signal line, SHORT when it crosses below",
      List.of(ParameterSpec.period("fast", 12, 1, "fast EMA period in bars"),
          ParameterSpec.period("slow", 26, 2, "slow EMA period in bars"),
          ParameterSpec.period("signal", 9, 1, "signal EMA period in MACD values")),
      p -> new MacdCross(p.integer("fast"), p.integer("slow"), p.integer("signal")));

  private final Macd macd;
  private final CrossDetector crosses = new CrossDetector();
  private Direction position = Direction.FLAT;

  public MacdCross(int fast, int slow, int signal) {
    if (fast >= slow) {
      throw new IllegalArgumentException("fast must be less than slow but was fast=" + fast + ", slow=" + slow);
    }
    this.macd = new Macd(fast, slow, signal);
  }

  @Override
  public Direction onBar(Bar bar) {
    macd.update(bar.close().toDouble());
    position = switch (crosses.update(macd.macd(), macd.signal())) {
      case ABOVE -> Direction.LONG;
      case BELOW -> Direction.SHORT;
      case NONE -> position;
    };
    return position;
  }
}
