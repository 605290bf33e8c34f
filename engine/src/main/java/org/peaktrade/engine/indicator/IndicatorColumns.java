package org.peaktrade.engine.indicator;

import java.util.List;

/**
 * One indicator adapted to whole bars, for tools that print or store indicator tables (the CLI's
 * {@code indicators --indicator sma:15}). Each indicator reads the bar fields it needs (most read the close).
 * Created by {@link IndicatorCatalog#parse(String)}.
 */
public interface IndicatorColumns extends Indicator {

  /** Column names, fixed for the instance, for example {@code [bbands_20_2_lower, bbands_20_2_middle, bbands_20_2_upper]}. */
  List<String> columns();

  void update(double open, double high, double low, double close, double volume);

  /** A fresh array of the current values in {@link #columns()} order; NaN while not ready. */
  double[] values();
}
