package org.peaktrade.engine.strategy;

import java.util.List;
import org.peaktrade.engine.indicator.Adx;
import org.peaktrade.protocol.Bar;

/**
 * {@code adx-trend}: trade the direction of a strong trend, stand aside in a weak one.
 *
 * <p>Rule, once the ADX is ready ({@code 2 * period - 1} bars): ADX &gt; threshold: LONG if +DI &gt; -DI,
 * SHORT if -DI &gt; +DI, hold on a tie; ADX &lt; threshold: FLAT; ADX equal to the threshold: hold.
 * Defaults period=14, threshold=25.
 */
public final class AdxTrend implements Strategy {

  static final StrategyDefinition DEFINITION = new StrategyDefinition("adx-trend",
      "when ADX > threshold follow the stronger of +DI and -DI; FLAT when ADX < threshold",
      List.of(ParameterSpec.period("period", 14, 2, "ADX period in bars"),
          ParameterSpec.decimal("threshold", "25", "0", "100", "ADX level that counts as a trend")),
      p -> new AdxTrend(p.integer("period"), p.decimal("threshold")));

  private final Adx adx;
  private final double threshold;
  private Direction position = Direction.FLAT;

  public AdxTrend(int period, double threshold) {
    this.adx = new Adx(period);
    this.threshold = threshold;
  }

  @Override
  public Direction onBar(Bar bar) {
    adx.update(bar.high().toDouble(), bar.low().toDouble(), bar.close().toDouble());
    if (!adx.isReady()) {
      return position;
    }
    double strength = adx.adx();
    if (strength < threshold) {
      position = Direction.FLAT;
    } else if (strength > threshold) {
      position = follow(adx.plusDi(), adx.minusDi());
    }
    return position;
  }

  private Direction follow(double plusDi, double minusDi) {
    if (plusDi > minusDi) {
      return Direction.LONG;
    }
    if (minusDi > plusDi) {
      return Direction.SHORT;
    }
    return position;
  }
}
