package org.peaktrade.engine.indicator;

/**
 * Wilder's relative strength index on closes, in 0..100: {@code 100 * avgGain / (avgGain + avgLoss)}, which is
 * the same as {@code 100 - 100 / (1 + RS)} without the division by a zero loss.
 *
 * <p>Seed convention (Wilder, Tulip): the averages start as the simple mean of the first {@code period}
 * gains and losses, then follow {@link WilderSmoothing}. A gain needs a previous close, so the value is ready
 * after {@code period + 1} updates. When there was no movement at all the value is 50: a flat market is
 * neither overbought nor oversold (Tulip yields NaN there).
 */
public final class Rsi implements Indicator {

  private final WilderSmoothing gains;
  private final WilderSmoothing losses;
  private double previousClose = Double.NaN;

  public Rsi(int period) {
    Parameters.atLeast("period", period, 1);
    this.gains = new WilderSmoothing(period);
    this.losses = new WilderSmoothing(period);
  }

  public void update(double close) {
    if (!Double.isNaN(previousClose)) {
      double change = close - previousClose;
      gains.update(Math.max(change, 0));
      losses.update(Math.max(-change, 0));
    }
    previousClose = close;
  }

  @Override
  public boolean isReady() {
    return gains.isReady();
  }

  public double value() {
    if (!isReady()) {
      return Double.NaN;
    }
    double movement = gains.value() + losses.value();
    return movement == 0 ? 50.0 : 100.0 * gains.value() / movement;
  }
}
