package org.peaktrade.engine.indicator;

/**
 * Slow stochastic oscillator in Tulip's {@code stoch} convention: raw
 * {@code %K = 100 * (close - lowestLow) / (highestHigh - lowestLow)} over {@code kPeriod} bars,
 * {@code k = SMA(kSlowing)} of raw %K and {@code d = SMA(dPeriod)} of k. A window with no range gives raw %K
 * 0, as in Tulip. Ready after {@code kPeriod + kSlowing + dPeriod - 2} updates; {@code kSlowing = 1} gives
 * the fast stochastic.
 */
public final class Stochastic implements Indicator {

  private final RollingExtreme highest;
  private final RollingExtreme lowest;
  private final Sma k;
  private final Sma d;

  public Stochastic(int kPeriod, int kSlowing, int dPeriod) {
    Parameters.atLeast("kPeriod", kPeriod, 1);
    this.highest = RollingExtreme.maximum(kPeriod);
    this.lowest = RollingExtreme.minimum(kPeriod);
    this.k = new Sma(Parameters.atLeast("kSlowing", kSlowing, 1));
    this.d = new Sma(Parameters.atLeast("dPeriod", dPeriod, 1));
  }

  public void update(double high, double low, double close) {
    highest.update(high);
    lowest.update(low);
    if (!highest.isReady()) {
      return;
    }
    double range = highest.value() - lowest.value();
    k.update(range == 0 ? 0.0 : 100.0 * (close - lowest.value()) / range);
    if (k.isReady()) {
      d.update(k.value());
    }
  }

  @Override
  public boolean isReady() {
    return d.isReady();
  }

  public double k() {
    return isReady() ? k.value() : Double.NaN;
  }

  public double d() {
    return d.value();
  }
}
