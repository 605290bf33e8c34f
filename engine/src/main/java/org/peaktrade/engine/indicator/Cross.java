package org.peaktrade.engine.indicator;

/** What {@link CrossDetector} saw on the latest pair of series values. */
public enum Cross {
  NONE,
  /** The fast series moved from at or below the slow series to strictly above it. */
  ABOVE,
  /** The fast series moved from at or above the slow series to strictly below it. */
  BELOW
}
