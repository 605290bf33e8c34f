package org.peaktrade.engine.indicator;

/**
 * The last {@code capacity} values in arrival order, kept in a ring so that adding one is O(1). Callers that
 * keep running sums read {@link #oldest()} before a push into a full window, because that value is about to
 * drop out.
 */
final class Window {

  private final double[] values;
  private int next;
  private int size;

  Window(int capacity) {
    this.values = new double[capacity];
  }

  void push(double value) {
    values[next] = value;
    // A compare instead of a modulo: this runs for every indicator on every bar.
    if (++next == values.length) {
      next = 0;
    }
    if (size < values.length) {
      size++;
    }
  }

  /** The value {@code age} steps back: 0 is the newest, {@code size() - 1} the oldest. */
  double ago(int age) {
    int index = next - 1 - age;
    return values[index < 0 ? index + values.length : index];
  }

  double oldest() {
    return ago(size - 1);
  }

  int size() {
    return size;
  }

  int capacity() {
    return values.length;
  }

  boolean isFull() {
    return size == values.length;
  }
}
