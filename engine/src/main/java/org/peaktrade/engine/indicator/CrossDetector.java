package org.peaktrade.engine.indicator;

/**
 * Detects a fast series crossing a slow one (for example two moving averages), comparing each pair with the
 * previous valid pair: ABOVE when fast goes from {@code <=} slow to {@code >} slow, BELOW when it goes from
 * {@code >=} to {@code <}. Reaching equality is not a cross; leaving it is, in whichever direction, so
 * below, equal, below reports BELOW on the last pair. The first pair and any pair containing NaN return NONE; a NaN pair is skipped
 * without replacing the previous pair, so an indicator that is still warming up on one side cannot fake a
 * cross.
 */
public final class CrossDetector {

  private double previousFast = Double.NaN;
  private double previousSlow = Double.NaN;

  public Cross update(double fast, double slow) {
    if (Double.isNaN(fast) || Double.isNaN(slow)) {
      return Cross.NONE;
    }
    Cross cross = classify(fast, slow);
    previousFast = fast;
    previousSlow = slow;
    return cross;
  }

  private Cross classify(double fast, double slow) {
    if (Double.isNaN(previousFast)) {
      return Cross.NONE;
    }
    if (previousFast <= previousSlow && fast > slow) {
      return Cross.ABOVE;
    }
    if (previousFast >= previousSlow && fast < slow) {
      return Cross.BELOW;
    }
    return Cross.NONE;
  }
}
