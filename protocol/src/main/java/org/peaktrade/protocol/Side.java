package org.peaktrade.protocol;

/** The direction of an order or fill. */
public enum Side {
  BUY,
  SELL;

  public Side opposite() {
    return this == BUY ? SELL : BUY;
  }

  /** +1 for a buy, -1 for a sell: the sign a fill of this side adds to a position. */
  public int sign() {
    return this == BUY ? 1 : -1;
  }
}
