package org.peaktrade.protocol;

/**
 * How an order executes: MARKET at the next available price; LIMIT at its price or better; STOP becomes a
 * market order once the market trades through its price.
 */
public enum OrderType {
  MARKET,
  LIMIT,
  STOP
}
