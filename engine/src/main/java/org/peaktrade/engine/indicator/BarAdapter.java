package org.peaktrade.engine.indicator;

import java.util.List;
import java.util.function.DoubleSupplier;

/** {@link IndicatorColumns} over one indicator: a bar feed that picks its inputs plus one getter per column. */
final class BarAdapter implements IndicatorColumns {

  /** Passes the bar fields an indicator needs to its own {@code update}. */
  @FunctionalInterface
  interface BarFeed {
    void update(double open, double high, double low, double close, double volume);
  }

  private final Indicator indicator;
  private final BarFeed feed;
  private final List<String> columns;
  private final List<DoubleSupplier> getters;

  BarAdapter(Indicator indicator, BarFeed feed, List<String> columns, List<DoubleSupplier> getters) {
    this.indicator = indicator;
    this.feed = feed;
    this.columns = List.copyOf(columns);
    this.getters = List.copyOf(getters);
  }

  @Override
  public List<String> columns() {
    return columns;
  }

  @Override
  public void update(double open, double high, double low, double close, double volume) {
    feed.update(open, high, low, close, volume);
  }

  @Override
  public double[] values() {
    return getters.stream().mapToDouble(DoubleSupplier::getAsDouble).toArray();
  }

  @Override
  public boolean isReady() {
    return indicator.isReady();
  }
}
