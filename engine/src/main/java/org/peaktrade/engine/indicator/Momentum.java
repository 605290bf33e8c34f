package org.peaktrade.engine.indicator;

/** Momentum: {@code x[t] - x[t - period]}. Needs {@code period} earlier values, so ready after {@code period + 1} updates. */
public final class Momentum implements Indicator {

  private final Window window;

  public Momentum(int period) {
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
    return isReady() ? window.ago(0) - window.oldest() : Double.NaN;
  }
}
