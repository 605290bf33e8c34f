package org.peaktrade.protocol.session;

/** One condition a session mode needs before it may start, by its stable name. */
public enum ModeGate {
  /** SHADOW: bars are real market data, live from the exchange or a replay of recorded candles; never synthetic. */
  REAL_MARKET_DATA,
  /** TESTNET, LIVE: bars come from the exchange's live feed, not from a replay or a generator. */
  LIVE_MARKET_DATA,
  /** TESTNET, LIVE: an exchange adapter for the venue exists on this node. */
  EXCHANGE_ADAPTER_AVAILABLE,
  /** LIVE: live trading is enabled in config. */
  LIVE_TRADING_ENABLED,
  /** LIVE: the live mode has been armed by an operator. */
  LIVE_MODE_ARMED,
  /** LIVE: dry-run is off. */
  DRY_RUN_OFF,
  /** LIVE: the start request carries the confirm token whose hash is configured. */
  CONFIRM_TOKEN_VALID,
  /** LIVE: the kill switch view for the session is ACTIVE and fresh. */
  KILL_SWITCH_ACTIVE,
  /** LIVE: the strategy is on the live allowlist. */
  STRATEGY_ALLOWLISTED,
  /** LIVE: the symbol is on the live allowlist. */
  SYMBOL_ALLOWLISTED
}
