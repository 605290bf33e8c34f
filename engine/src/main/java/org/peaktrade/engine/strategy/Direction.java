package org.peaktrade.engine.strategy;

/**
 * The position a strategy wants to hold. SHORT means "wants to be short"; where shorting is not allowed the
 * execution pipeline holds FLAT instead, so a strategy never needs to know the account's permissions.
 */
public enum Direction {
  LONG,
  FLAT,
  SHORT
}
