package org.peaktrade.engine.indicator;

/**
 * Wilder's average true range: the first value is the mean of the first {@code period} true ranges (the very
 * first being {@code high - low}), then {@code (previous * (period - 1) + tr) / period}. Ready after
 * {@code period} updates, as in Tulip and the StockCharts ATR sheet.
 */
public final class Atr implements Indicator {

  private final TrueRange trueRange = new TrueRange();
  private final WilderSmoothing smoothing;

  public Atr(int period) {
    this.smoothing = new WilderSmoothing(Parameters.atLeast("period", period, 1));
  }

  public void update(double high, double low, double close) {
    trueRange.update(high, low, close);
    smoothing.update(trueRange.value());
  }

  @Override
  public boolean isReady() {
    return smoothing.isReady();
  }

  public double value() {
    return smoothing.value();
  }
}
