package org.peaktrade.engine.indicator;

/** Simple moving average: the arithmetic mean of the last {@code period} values, kept as a running sum. */
public final class Sma implements Indicator {

  private final Window window;
  private double sum;

  public Sma(int period) {
    this.window = new Window(Parameters.atLeast("period", period, 1));
  }

  public void update(double x) {
    if (window.isFull()) {
      sum -= window.oldest();
    }
    window.push(x);
    sum += x;
  }

  /** Ready after {@code period} updates. */
  @Override
  public boolean isReady() {
    return window.isFull();
  }

  public double value() {
    return isReady() ? sum / window.size() : Double.NaN;
  }
}
