package org.peaktrade.engine.data;

/**
 * What to do with the last row of a Kraken OHLC response. Kraken always appends the interval that is still
 * in progress; its values change until the interval closes, so a backtest that used it would see prices
 * that never became final.
 */
public enum FormingCandle {
  DROP,
  KEEP
}
