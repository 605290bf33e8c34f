package org.peaktrade.protocol.risk;

/** Every pre-trade check, by its stable code. Portfolio-level checks can trigger the kill switch. */
public enum RiskCheck {
  ACCOUNT_UNKNOWN(false),
  SYMBOL_NOT_ALLOWED(false),
  MISSING_PRICE(false),
  STALE_PRICE(false),
  MAX_ORDER_NOTIONAL(false),
  MAX_ORDER_QUANTITY(false),
  MIN_ORDER_NOTIONAL(false),
  MAX_SYMBOL_EXPOSURE(false),
  MAX_TOTAL_EXPOSURE(false),
  MAX_OPEN_POSITIONS(false),
  MAX_DAILY_LOSS(true),
  MAX_DAILY_LOSS_PCT(true),
  MAX_DRAWDOWN_PCT(true),
  PRICE_COLLAR(false),
  ORDER_RATE(false);

  private final boolean portfolioLevel;

  RiskCheck(boolean portfolioLevel) {
    this.portfolioLevel = portfolioLevel;
  }

  /** A breach of the whole account (loss, drawdown) rather than of one order. */
  public boolean isPortfolioLevel() {
    return portfolioLevel;
  }
}
