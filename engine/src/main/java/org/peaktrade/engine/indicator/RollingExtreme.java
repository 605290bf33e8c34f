package org.peaktrade.engine.indicator;

/**
 * The maximum (or minimum) of the last {@code period} values, amortised O(1) per update, with a monotonic
 * deque: a value is dropped as soon as a newer one is at least as extreme, because it can never be the answer
 * again; the front is the answer and leaves when it ages out of the window.
 */
final class RollingExtreme {

  private final int period;
  private final boolean maximum;
  private final long[] indices;
  private final double[] values;
  private int head;
  private int size;
  private long count;

  static RollingExtreme maximum(int period) {
    return new RollingExtreme(period, true);
  }

  static RollingExtreme minimum(int period) {
    return new RollingExtreme(period, false);
  }

  private RollingExtreme(int period, boolean maximum) {
    this.period = period;
    this.maximum = maximum;
    this.indices = new long[period];
    this.values = new double[period];
  }

  void update(double x) {
    while (size > 0 && !isMoreExtreme(values[slot(size - 1)], x)) {
      size--;
    }
    if (size > 0 && indices[head] <= count - period) {
      head = (head + 1) % period;
      size--;
    }
    indices[slot(size)] = count;
    values[slot(size)] = x;
    size++;
    count++;
  }

  boolean isReady() {
    return count >= period;
  }

  double value() {
    return isReady() ? values[head] : Double.NaN;
  }

  private boolean isMoreExtreme(double kept, double incoming) {
    return maximum ? kept > incoming : kept < incoming;
  }

  private int slot(int position) {
    return (head + position) % period;
  }
}
