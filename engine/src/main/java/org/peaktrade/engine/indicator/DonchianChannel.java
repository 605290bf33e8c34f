package org.peaktrade.engine.indicator;

/**
 * Donchian channel: the highest high and lowest low of the last {@code period} bars, the current bar
 * included, and their midpoint. Amortised O(1) per update through {@link RollingExtreme}. Ready after
 * {@code period} updates.
 */
public final class DonchianChannel implements Indicator {

  private final RollingExtreme highest;
  private final RollingExtreme lowest;

  public DonchianChannel(int period) {
    Parameters.atLeast("period", period, 1);
    this.highest = RollingExtreme.maximum(period);
    this.lowest = RollingExtreme.minimum(period);
  }

  public void update(double high, double low) {
    highest.update(high);
    lowest.update(low);
  }

  @Override
  public boolean isReady() {
    return highest.isReady();
  }

  public double upper() {
    return highest.value();
  }

  public double lower() {
    return lowest.value();
  }

  public double middle() {
    return (upper() + lower()) / 2;
  }
}
