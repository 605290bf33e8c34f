package org.peaktrade.engine.indicator;

/**
 * Moving average convergence/divergence: {@code macd = EMA(fast) - EMA(slow)}, {@code signal = EMA(signal)}
 * of the macd line, {@code histogram = macd - signal}, all with {@code alpha = 2 / (period + 1)}.
 *
 * <p>Seed convention (Tulip, pandas {@code ewm(adjust=false)}, the StockCharts sheet): both price EMAs start at
 * the first close; the macd line exists from the {@code slow}-th update and the signal EMA starts at that first
 * macd value. Ready after {@code slow + signal - 1} updates, once the signal EMA has seen {@code signal} macd
 * values, the same rule as {@link Ema}. Tulip replaces the alphas by 0.15 and 0.075 for 12/26 to match the
 * book; this class does not.
 */
public final class Macd implements Indicator {

  private final int slow;
  private final int signal;
  private final ExponentialSmoothing fastEma;
  private final ExponentialSmoothing slowEma;
  private final ExponentialSmoothing signalEma;

  public Macd(int fast, int slow, int signal) {
    Parameters.atLeast("fast", fast, 1);
    this.slow = Parameters.atLeast("slow", slow, 1);
    this.signal = Parameters.atLeast("signal", signal, 1);
    if (fast >= slow) {
      throw new IllegalArgumentException("fast must be < slow but was fast=" + fast + ", slow=" + slow);
    }
    this.fastEma = new ExponentialSmoothing(fast);
    this.slowEma = new ExponentialSmoothing(slow);
    this.signalEma = new ExponentialSmoothing(signal);
  }

  public void update(double x) {
    fastEma.update(x);
    slowEma.update(x);
    if (slowEma.count() >= slow) {
      signalEma.update(fastEma.value() - slowEma.value());
    }
  }

  @Override
  public boolean isReady() {
    return signalEma.count() >= signal;
  }

  public double macd() {
    return isReady() ? fastEma.value() - slowEma.value() : Double.NaN;
  }

  public double signal() {
    return isReady() ? signalEma.value() : Double.NaN;
  }

  public double histogram() {
    return macd() - signal();
  }
}
