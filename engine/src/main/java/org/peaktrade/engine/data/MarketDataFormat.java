package org.peaktrade.engine.data;

/** The file layouts {@link MarketDataFiles} recognises; see {@code docs/data-formats.md}. */
public enum MarketDataFormat {
  KRAKEN_OHLC_JSON,
  KRAKEN_WS_JSONL,
  OHLCV_CSV,
  TRADES_CSV
}
