package org.peaktrade.engine.strategy;

import java.util.List;
import org.peaktrade.engine.indicator.RateOfChange;
import org.peaktrade.protocol.Bar;

/**
 * {@code momentum}: time-series momentum on the percentage rate of change of the close.
 *
 * <p>Rule, once ROC(period) is ready ({@code period + 1} bars): ROC &gt; threshold: LONG; ROC &lt; -threshold:
 * SHORT; otherwise hold. The threshold is in percent, so with threshold=0.5 a long needs the close 0.5% above
 * the close {@code period} bars earlier. Defaults period=10, threshold=0.
 */
public final class RateOfChangeMomentum implements Strategy {

  static final StrategyDefinition DEFINITION = new StrategyDefinition("momentum",
      "LONG when ROC(period) > threshold %, SHORT when ROC < -threshold %, otherwise hold",
      List.of(ParameterSpec.period("period", 10, 1, "look-back in bars"),
          ParameterSpec.decimal("threshold", "0", "0", "100", "minimum rate of change in percent")),
      p -> new RateOfChangeMomentum(p.integer("period"), p.decimal("threshold")));

  private final RateOfChange rateOfChange;
  private final double threshold;
  private Direction position = Direction.FLAT;

  public RateOfChangeMomentum(int period, double threshold) {
    if (!(threshold >= 0)) {
      throw new IllegalArgumentException("threshold must be >= 0 but was " + threshold);
    }
    this.rateOfChange = new RateOfChange(period);
    this.threshold = threshold;
  }

  @Override
  public Direction onBar(Bar bar) {
    rateOfChange.update(bar.close().toDouble());
    if (!rateOfChange.isReady()) {
      return position;
    }
    double percent = rateOfChange.value();
    if (percent > threshold) {
      position = Direction.LONG;
    } else if (percent < -threshold) {
      position = Direction.SHORT;
    }
    return position;
  }
}
