package org.peaktrade.engine.indicator;

/**
 * Exponential moving average with {@code alpha = 2 / (period + 1)}.
 *
 * <p>Seed convention: the first input is the seed, as in Tulip Indicators, pandas {@code ewm(adjust=false)},
 * ta4j and the StockCharts MACD sheet (TA-Lib seeds with the SMA of the first {@code period} values instead;
 * the two converge as the seed decays by {@code (1 - alpha)} per update). Ready after {@code period} updates,
 * when the seed's weight has fallen below roughly {@code e^-2}.
 */
public final class Ema implements Indicator {

  private final int period;
  private final ExponentialSmoothing smoothing;

  public Ema(int period) {
    this.period = Parameters.atLeast("period", period, 1);
    this.smoothing = new ExponentialSmoothing(period);
  }

  public void update(double x) {
    smoothing.update(x);
  }

  @Override
  public boolean isReady() {
    return smoothing.count() >= period;
  }

  public double value() {
    return isReady() ? smoothing.value() : Double.NaN;
  }
}
