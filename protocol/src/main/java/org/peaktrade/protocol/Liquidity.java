package org.peaktrade.protocol;

/** Whether a fill added liquidity (maker, resting limit order) or took it (taker). */
public enum Liquidity {
  MAKER,
  TAKER
}
