package org.peaktrade.engine.strategy;

import java.util.List;
import org.peaktrade.engine.indicator.CrossDetector;
import org.peaktrade.engine.indicator.Sma;
import org.peaktrade.protocol.Bar;

/**
 * {@code price-sma-cross}: long-only trend following on the close against its simple moving average.
 *
 * <p>Rule: when the close crosses strictly above SMA(period), go LONG; when it crosses strictly below, go FLAT.
 * Between crosses the position is held. Never SHORT. FLAT until the first cross after the average is ready.
 * Default period=20.
 */
public final class PriceSmaCross implements Strategy {

  static final StrategyDefinition DEFINITION = new StrategyDefinition("price-sma-cross",
      "long-only: LONG when the close crosses above SMA(period), FLAT when it crosses below",
      List.of(ParameterSpec.period("period", 20, 1, "SMA period in bars")),
      p -> new PriceSmaCross(p.integer("period")));

  private final Sma average;
  private final CrossDetector crosses = new CrossDetector();
  private Direction position = Direction.FLAT;

  public PriceSmaCross(int period) {
    this.average = new Sma(period);
  }

  @Override
  public Direction onBar(Bar bar) {
    double close = bar.close().toDouble();
    average.update(close);
    position = switch (crosses.update(close, average.value())) {
      case ABOVE -> Direction.LONG;
      case BELOW -> Direction.FLAT;
      case NONE -> position;
    };
    return position;
  }
}
