package org.peaktrade.engine.indicator;

/**
 * Linearly weighted moving average: the newest of the last {@code period} values has weight {@code period},
 * the oldest weight 1, divided by {@code period * (period + 1) / 2}.
 *
 * <p>O(1): sliding the window lowers every kept value's weight by one, which is the same as subtracting the
 * plain sum of the old window from the weighted sum before adding the new value at full weight.
 */
public final class Wma implements Indicator {

  private final int period;
  private final Window window;
  private double sum;
  private double weightedSum;

  public Wma(int period) {
    this.period = Parameters.atLeast("period", period, 1);
    this.window = new Window(period);
  }

  public void update(double x) {
    if (window.isFull()) {
      weightedSum += period * x - sum;
      sum += x - window.oldest();
    } else {
      weightedSum += (window.size() + 1) * x;
      sum += x;
    }
    window.push(x);
  }

  /** Ready after {@code period} updates. */
  @Override
  public boolean isReady() {
    return window.isFull();
  }

  public double value() {
    return isReady() ? weightedSum / (period * (period + 1) / 2.0) : Double.NaN;
  }
}
