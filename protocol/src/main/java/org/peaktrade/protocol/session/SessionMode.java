package org.peaktrade.protocol.session;

/**
 * How far a trading session's orders go. SHADOW: real market data, simulated fills, nothing sent anywhere. PAPER:
 * like SHADOW on any data source (replay, synthetic). TESTNET: real exchange calls that cannot trade (validate only).
 * LIVE: real orders, behind every gate of the live policy.
 */
public enum SessionMode {
  SHADOW,
  PAPER,
  TESTNET,
  LIVE;

  /** Whether orders go to an exchange (TESTNET validates them only) rather than to the paper venue. */
  public boolean reachesExchange() {
    return this == TESTNET || this == LIVE;
  }
}
