package org.peaktrade.engine.strategy;

import java.util.List;
import org.peaktrade.engine.indicator.BollingerBands;
import org.peaktrade.protocol.Bar;

/**
 * {@code bollinger-reversion}: mean reversion on Bollinger bands of the close (the current close included, as
 * the bands are conventionally drawn).
 *
 * <p>Rule, in this order, once the bands are ready ({@code period} bars):
 * <ol>
 *   <li>close &lt; lower band: LONG.
 *   <li>close &gt; upper band: SHORT.
 *   <li>LONG and close &ge; middle band, or SHORT and close &le; middle band: FLAT.
 *   <li>Otherwise hold.
 * </ol>
 * Requires {@code k < sqrt(period - 1)}, see {@link DeviationLimit}. Defaults period=20, k=2.
 */
public final class BollingerReversion implements Strategy {

  static final StrategyDefinition DEFINITION = new StrategyDefinition("bollinger-reversion",
      "LONG below the lower band, SHORT above the upper band, FLAT back at the middle band",
      List.of(ParameterSpec.period("period", 20, 2, "band period in bars"),
          ParameterSpec.decimal("k", "2", "0.1", "10", "band width in population standard deviations")),
      p -> new BollingerReversion(p.integer("period"), p.decimal("k")));

  private final BollingerBands bands;
  private Direction position = Direction.FLAT;

  public BollingerReversion(int period, double k) {
    DeviationLimit.requireReachable("k", k, period);
    this.bands = new BollingerBands(period, k);
  }

  @Override
  public Direction onBar(Bar bar) {
    double close = bar.close().toDouble();
    bands.update(close);
    if (!bands.isReady()) {
      return position;
    }
    if (close < bands.lower()) {
      position = Direction.LONG;
    } else if (close > bands.upper()) {
      position = Direction.SHORT;
    } else if (position == Direction.LONG && close >= bands.middle()
        || position == Direction.SHORT && close <= bands.middle()) {
      position = Direction.FLAT;
    }
    return position;
  }
}
