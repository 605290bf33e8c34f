package org.peaktrade.engine.indicator;

/**
 * An incremental technical indicator: fed one observation at a time, in order, and O(1) per update unless its
 * Javadoc says otherwise. Each implementation has its own {@code update(...)} signature, because the inputs
 * differ (a close, or a bar's high, low and close).
 *
 * <p>Until {@link #isReady()} is true every value getter returns {@link Double#NaN}, so a strategy that
 * forgets to check readiness fails loudly instead of trading on a half-filled window.
 */
public interface Indicator {

  /** True once enough observations have arrived for every output to be meaningful. */
  boolean isReady();
}
