package org.peaktrade.engine.indicator;

/**
 * Rate of change in percent: {@code (x[t] / x[t - period] - 1) * 100}, as StockCharts and ta4j report it.
 * Tulip's {@code roc} returns the bare fraction (no factor 100); its values are 1/100 of these. Ready after
 * {@code period + 1} updates.
 */
public final class RateOfChange implements Indicator {

  private final Window window;

  public RateOfChange(int period) {
    this.window = new Window(Parameters.atLeast("period", period, 1) + 1);
  }

  public void update(double x) {
    window.push(x);
  }

  @Override
  public boolean isReady() {
    return window.isFull();
  }

  public double value() {
    return isReady() ? (window.ago(0) / window.oldest() - 1) * 100 : Double.NaN;
  }
}
