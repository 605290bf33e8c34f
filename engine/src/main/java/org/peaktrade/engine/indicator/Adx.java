package org.peaktrade.engine.indicator;

/**
 * Wilder's average directional index with the directional indicators +DI and -DI, in Tulip's convention (which
 * reproduces the book values of Achelis, <i>Technical Analysis from A to Z</i>):
 *
 * <ul>
 *   <li>From the second bar on, {@code +DM = high - previousHigh} and {@code -DM = previousLow - low}; the
 *       larger one is kept if positive and the other set to 0 (both 0 on a tie, as Wilder and ta4j do; Tulip
 *       keeps both on a positive tie). True range as in {@link TrueRange}.
 *   <li>+DM, -DM and TR are Wilder sums: the first is the plain sum of the first {@code period - 1} moves, then
 *       {@code sum * (period - 1) / period + x}. {@code +DI = 100 * sum(+DM) / sum(TR)}, likewise -DI; both exist
 *       from the {@code period}-th bar. StockCharts seeds with {@code period} moves instead, one bar later; the
 *       difference decays by {@code (period - 1) / period} per bar.
 *   <li>{@code DX = 100 * |+DI - -DI| / (+DI + -DI)} (0 when both are 0); ADX is the mean of the first
 *       {@code period} DX values, then {@code (previous * (period - 1) + dx) / period}.
 * </ul>
 *
 * Ready after {@code 2 * period - 1} updates; before that all three getters return NaN.
 */
public final class Adx implements Indicator {

  private final int period;
  private final double retention;
  private final WilderSmoothing adx;
  private double previousHigh = Double.NaN;
  private double previousLow;
  private double previousClose;
  private long moves;
  private double plusDmSum;
  private double minusDmSum;
  private double trueRangeSum;

  public Adx(int period) {
    this.period = Parameters.atLeast("period", period, 2);
    this.retention = (period - 1.0) / period;
    this.adx = new WilderSmoothing(period);
  }

  public void update(double high, double low, double close) {
    if (!Double.isNaN(previousHigh)) {
      accumulate(high, low);
    }
    previousHigh = high;
    previousLow = low;
    previousClose = close;
  }

  private void accumulate(double high, double low) {
    double up = high - previousHigh;
    double down = previousLow - low;
    double plusDm = up > down && up > 0 ? up : 0;
    double minusDm = down > up && down > 0 ? down : 0;
    double trueRange = Math.max(high - low, Math.max(Math.abs(high - previousClose), Math.abs(low - previousClose)));
    double keep = moves < period - 1 ? 1 : retention;
    plusDmSum = plusDmSum * keep + plusDm;
    minusDmSum = minusDmSum * keep + minusDm;
    trueRangeSum = trueRangeSum * keep + trueRange;
    moves++;
    if (moves >= period - 1) {
      adx.update(directionalIndex());
    }
  }

  private double directionalIndex() {
    double sum = plusDmSum + minusDmSum;
    return sum == 0 ? 0.0 : 100.0 * Math.abs(plusDmSum - minusDmSum) / sum;
  }

  @Override
  public boolean isReady() {
    return adx.isReady();
  }

  public double adx() {
    return adx.value();
  }

  public double plusDi() {
    return isReady() ? directionalIndicator(plusDmSum) : Double.NaN;
  }

  public double minusDi() {
    return isReady() ? directionalIndicator(minusDmSum) : Double.NaN;
  }

  private double directionalIndicator(double directionalMovementSum) {
    return trueRangeSum == 0 ? 0.0 : 100.0 * directionalMovementSum / trueRangeSum;
  }
}
