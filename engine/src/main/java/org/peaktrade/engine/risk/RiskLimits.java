package org.peaktrade.engine.risk;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;
import org.peaktrade.protocol.Symbol;

/**
 * The limits one portfolio or session trades under. A null limit is switched off. Amounts are in the quote
 * currency; percentages are in percent (5 = 5 %); {@code priceCollarBps} in basis points. {@code allowedSymbols}
 * null means every symbol. {@code maxPriceAge} is always on: a price older than that blocks (fail closed).
 */
public record RiskLimits(
    BigDecimal maxOrderNotional,
    BigDecimal maxOrderQuantity,
    BigDecimal minOrderNotional,
    BigDecimal maxSymbolExposure,
    BigDecimal maxTotalExposure,
    Integer maxOpenPositions,
    BigDecimal maxDailyLoss,
    BigDecimal maxDailyLossPct,
    BigDecimal maxDrawdownPct,
    BigDecimal priceCollarBps,
    Integer maxOrdersPerWindow,
    Duration orderWindow,
    Set<Symbol> allowedSymbols,
    Duration maxPriceAge,
    BigDecimal warningFraction) {

  public static final BigDecimal DEFAULT_WARNING_FRACTION = new BigDecimal("0.8");
  public static final Duration DEFAULT_MAX_PRICE_AGE = Duration.ofSeconds(30);
  public static final Duration DEFAULT_ORDER_WINDOW = Duration.ofMinutes(1);

  public RiskLimits {
    positive(maxOrderNotional, "max-order-notional");
    positive(maxOrderQuantity, "max-order-quantity");
    positive(minOrderNotional, "min-order-notional");
    positive(maxSymbolExposure, "max-symbol-exposure");
    positive(maxTotalExposure, "max-total-exposure");
    positive(maxDailyLoss, "max-daily-loss");
    positive(maxDailyLossPct, "max-daily-loss-pct");
    positive(maxDrawdownPct, "max-drawdown-pct");
    positive(priceCollarBps, "price-collar-bps");
    if (maxOpenPositions != null && maxOpenPositions < 1) {
      throw new IllegalArgumentException("max-open-positions must be at least 1: " + maxOpenPositions);
    }
    if (maxOrdersPerWindow != null && maxOrdersPerWindow < 1) {
      throw new IllegalArgumentException("max-orders-per-window must be at least 1: " + maxOrdersPerWindow);
    }
    orderWindow = orderWindow == null ? DEFAULT_ORDER_WINDOW : orderWindow;
    maxPriceAge = maxPriceAge == null ? DEFAULT_MAX_PRICE_AGE : maxPriceAge;
    warningFraction = warningFraction == null ? DEFAULT_WARNING_FRACTION : warningFraction;
    if (orderWindow.isNegative() || orderWindow.isZero() || maxPriceAge.isNegative() || maxPriceAge.isZero()) {
      throw new IllegalArgumentException("order-window and max-price-age must be positive");
    }
    if (warningFraction.signum() <= 0 || warningFraction.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("warning-fraction must be in (0, 1]: " + warningFraction.toPlainString());
    }
    allowedSymbols = allowedSymbols == null ? null : Set.copyOf(allowedSymbols);
  }

  /** No limit on anything but price freshness. */
  public static RiskLimits none() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  private static void positive(BigDecimal value, String key) {
    if (value != null && value.signum() <= 0) {
      throw new IllegalArgumentException(key + " must be positive: " + value.toPlainString());
    }
  }

  /** Fluent construction for config readers and tests; unset (or null) limits stay off. */
  public static final class Builder {
    private BigDecimal maxOrderNotional;
    private BigDecimal maxOrderQuantity;
    private BigDecimal minOrderNotional;
    private BigDecimal maxSymbolExposure;
    private BigDecimal maxTotalExposure;
    private Integer maxOpenPositions;
    private BigDecimal maxDailyLoss;
    private BigDecimal maxDailyLossPct;
    private BigDecimal maxDrawdownPct;
    private BigDecimal priceCollarBps;
    private Integer maxOrdersPerWindow;
    private Duration orderWindow;
    private Set<Symbol> allowedSymbols;
    private Duration maxPriceAge;
    private BigDecimal warningFraction;

    public Builder maxOrderNotional(String v) {
      maxOrderNotional = decimal(v);
      return this;
    }

    public Builder maxOrderQuantity(String v) {
      maxOrderQuantity = decimal(v);
      return this;
    }

    public Builder minOrderNotional(String v) {
      minOrderNotional = decimal(v);
      return this;
    }

    public Builder maxSymbolExposure(String v) {
      maxSymbolExposure = decimal(v);
      return this;
    }

    public Builder maxTotalExposure(String v) {
      maxTotalExposure = decimal(v);
      return this;
    }

    public Builder maxOpenPositions(Integer v) {
      maxOpenPositions = v;
      return this;
    }

    public Builder maxDailyLoss(String v) {
      maxDailyLoss = decimal(v);
      return this;
    }

    public Builder maxDailyLossPct(String v) {
      maxDailyLossPct = decimal(v);
      return this;
    }

    public Builder maxDrawdownPct(String v) {
      maxDrawdownPct = decimal(v);
      return this;
    }

    public Builder priceCollarBps(String v) {
      priceCollarBps = decimal(v);
      return this;
    }

    public Builder orderRate(Integer maxOrders, Duration window) {
      maxOrdersPerWindow = maxOrders;
      orderWindow = window;
      return this;
    }

    public Builder allowedSymbols(Set<Symbol> v) {
      allowedSymbols = v;
      return this;
    }

    public Builder maxPriceAge(Duration v) {
      maxPriceAge = v;
      return this;
    }

    public Builder warningFraction(String v) {
      warningFraction = decimal(v);
      return this;
    }

    private static BigDecimal decimal(String v) {
      return v == null ? null : new BigDecimal(v);
    }

    public RiskLimits build() {
      return new RiskLimits(maxOrderNotional, maxOrderQuantity, minOrderNotional, maxSymbolExposure,
          maxTotalExposure, maxOpenPositions, maxDailyLoss, maxDailyLossPct, maxDrawdownPct, priceCollarBps,
          maxOrdersPerWindow, orderWindow, allowedSymbols, maxPriceAge, warningFraction);
    }
  }
}
