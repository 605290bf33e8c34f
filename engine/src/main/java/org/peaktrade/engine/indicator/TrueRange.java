package org.peaktrade.engine.indicator;

/**
 * Wilder's true range: {@code max(high - low, |high - previousClose|, |low - previousClose|)}. The first bar
 * has no previous close, so its true range is {@code high - low} (Wilder, Tulip, StockCharts). Ready after one
 * update.
 */
public final class TrueRange implements Indicator {

  private double previousClose = Double.NaN;
  private double value = Double.NaN;

  public void update(double high, double low, double close) {
    double range = high - low;
    value = Double.isNaN(previousClose)
        ? range
        : Math.max(range, Math.max(Math.abs(high - previousClose), Math.abs(low - previousClose)));
    previousClose = close;
  }

  @Override
  public boolean isReady() {
    return !Double.isNaN(value);
  }

  public double value() {
    return value;
  }
}
