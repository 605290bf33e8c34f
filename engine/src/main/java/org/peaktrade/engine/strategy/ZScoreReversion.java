package org.peaktrade.engine.strategy;

import java.util.List;
import org.peaktrade.engine.indicator.ZScore;
import org.peaktrade.protocol.Bar;

/**
 * {@code zscore-reversion}: mean reversion on the z-score of the close within its last {@code period} closes
 * (the current one included, population standard deviation).
 *
 * <p>Rule, once the z-score is ready ({@code period} bars): z &lt; -entry: LONG; z &gt; entry: SHORT;
 * |z| &lt; exit: FLAT; otherwise hold. Requires exit &lt; entry, so the zones never overlap, and
 * {@code entry < sqrt(period - 1)}, see {@link DeviationLimit}. Defaults period=20, entry=2, exit=0.5.
 */
public final class ZScoreReversion implements Strategy {

  static final StrategyDefinition DEFINITION = new StrategyDefinition("zscore-reversion",
      "LONG when z < -entry, SHORT when z > entry, FLAT when |z| < exit",
      List.of(ParameterSpec.period("period", 20, 2, "z-score window in bars"),
          ParameterSpec.decimal("entry", "2", "0.1", "10", "|z| beyond which to enter"),
          ParameterSpec.decimal("exit", "0.5", "0", "10", "|z| within which to close")),
      p -> new ZScoreReversion(p.integer("period"), p.decimal("entry"), p.decimal("exit")));

  private final ZScore zScore;
  private final double entry;
  private final double exit;
  private Direction position = Direction.FLAT;

  public ZScoreReversion(int period, double entry, double exit) {
    if (!(exit < entry)) {
      throw new IllegalArgumentException("exit must be less than entry but was entry=" + entry + ", exit=" + exit);
    }
    DeviationLimit.requireReachable("entry", entry, period);
    this.zScore = new ZScore(period);
    this.entry = entry;
    this.exit = exit;
  }

  @Override
  public Direction onBar(Bar bar) {
    zScore.update(bar.close().toDouble());
    if (!zScore.isReady()) {
      return position;
    }
    double z = zScore.value();
    if (z < -entry) {
      position = Direction.LONG;
    } else if (z > entry) {
      position = Direction.SHORT;
    } else if (Math.abs(z) < exit) {
      position = Direction.FLAT;
    }
    return position;
  }
}
